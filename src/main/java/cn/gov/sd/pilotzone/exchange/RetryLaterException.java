package cn.gov.sd.pilotzone.exchange;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The file is fine but the hub cannot apply it now (database unreachable, lock timeout): the route retries with
 * back-off and the file stays in the inbox, instead of going to {@code error/} for something that is not its fault.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(Throwable cause) {
        super(cause.getMessage(), cause);
    }

    /**
     * Whether anything in the cause chain says the database or the network is (temporarily) unavailable. A failed
     * commit or rollback counts: the connection broke, and whether the work was committed is decided on the retry
     * (an inbound file's claim is APPLIED exactly when its effect was committed).
     */
    public static boolean isTransient(Throwable e) {
        // a cause chain can be cyclic (a → b → a); each throwable is looked at once
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SQLNonTransientConnectionException
                    || (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
