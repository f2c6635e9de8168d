package cn.gov.sd.pilotzone.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.Types;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.core.SpringProperties;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * A null argument of a JdbcTemplate statement is bound as a typed NULL without asking the driver for the
 * parameter's type (spring.properties): MariaDB's driver answers that question with a server-side PREPARE and a
 * CLOSE, two round trips per statement.
 */
class JdbcNullsTest {

    @Test
    void theHubTellsSpringNotToAskTheDriverForParameterTypes() {
        assertThat(SpringProperties.getFlag("spring.jdbc.getParameterType.ignore")).isTrue();
    }

    @Test
    void aNullArgumentIsBoundWithoutTheStatementsParameterMetadata() throws Exception {
        PreparedStatement ps = Mockito.mock(PreparedStatement.class, Mockito.RETURNS_DEEP_STUBS);
        Mockito.when(ps.getConnection().getMetaData().getDatabaseProductName()).thenReturn("MariaDB");
        Mockito.when(ps.getConnection().getMetaData().getDriverName()).thenReturn("MariaDB Connector/J");
        StatementCreatorUtils.setParameterValue(ps, 1, SqlTypeValue.TYPE_UNKNOWN, null);
        Mockito.verify(ps, Mockito.never()).getParameterMetaData();
        Mockito.verify(ps).setNull(1, Types.NULL);
    }
}
