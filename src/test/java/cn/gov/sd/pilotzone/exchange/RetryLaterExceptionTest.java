package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures leave a file in the inbox to retry (transient) and which send it to error/ (not). */
class RetryLaterExceptionTest {

    @Test
    void noConnectionFromThePoolIsTransient() {
        assertThat(RetryLaterException.isTransient(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(RetryLaterException.isTransient(new CannotGetJdbcConnectionException("down"))).isTrue();
    }

    @Test
    void connectionClassSqlStatesAreTransient() {
        // SQLState class 08 = connection exception (MySQL/MariaDB 08S01 communications link failure, 08001, 08004)
        assertThat(RetryLaterException.isTransient(new SQLException("Communications link failure", "08S01"))).isTrue();
        assertThat(RetryLaterException.isTransient(new SQLException("unable to connect", "08001"))).isTrue();
        assertThat(RetryLaterException.isTransient(new SQLException("rejected", "08004", 1040))).isTrue();
    }

    @Test
    void connectionTypeSqlExceptionsAreTransient() {
        assertThat(RetryLaterException.isTransient(new SQLNonTransientConnectionException("closed", "08003"))).isTrue();
        assertThat(RetryLaterException.isTransient(new SQLTransientConnectionException("busy"))).isTrue();
        assertThat(RetryLaterException.isTransient(new SQLRecoverableException("connection reset"))).isTrue();
        assertThat(RetryLaterException.isTransient(new SQLTimeoutException("lock wait timeout"))).isTrue();
    }

    @Test
    void transientSpringExceptionsAreTransient() {
        assertThat(RetryLaterException.isTransient(new CannotCreateTransactionException("no tx"))).isTrue();
        assertThat(RetryLaterException.isTransient(new QueryTimeoutException("timeout"))).isTrue();
        assertThat(RetryLaterException.isTransient(new CannotAcquireLockException("deadlock"))).isTrue();
    }

    @Test
    void aRollbackThatFailedOnABrokenConnectionIsTransient() {
        assertThat(RetryLaterException.isTransient(new TransactionSystemException(
                "JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aConnectionFailureDeepInTheCauseChainIsTransient() {
        Exception wrapped = new IllegalStateException("feed failed", new RuntimeException("jdbc",
                new SQLException("Communications link failure", "08S01", new ConnectException("Connection refused"))));

        assertThat(RetryLaterException.isTransient(wrapped)).isTrue();
        assertThat(RetryLaterException.isTransient(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void duplicateKeyIsNotTransient() {
        assertThat(RetryLaterException.isTransient(new DuplicateKeyException("PK_LEDGER",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(RetryLaterException.isTransient(new DataIntegrityViolationException("null"))).isFalse();
    }

    @Test
    void programmingErrorsAreNotTransient() {
        assertThat(RetryLaterException.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(RetryLaterException.isTransient(new NullPointerException())).isFalse();
        assertThat(RetryLaterException.isTransient(new BadSqlGrammarException("select", "SELEC 1",
                new SQLSyntaxErrorException("syntax", "42000")))).isFalse();
        assertThat(RetryLaterException.isTransient(new SQLException("table not found", "42S02"))).isFalse();
        assertThat(RetryLaterException.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void nullIsNotTransient() {
        assertThat(RetryLaterException.isTransient(null)).isFalse();
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(RetryLaterException.isTransient(a)).isFalse());
    }

    @Test
    void retryLaterKeepsTheCauseAndItsMessage() {
        SQLException cause = new SQLException("Communications link failure", "08S01");

        RetryLaterException e = new RetryLaterException(cause);

        assertThat(e).hasCause(cause).hasMessage("Communications link failure");
    }
}
