package cn.gov.sd.pilotzone.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.MariaDb;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On MariaDB the hub's indexes exist after start, with MariaDB's own, an earlier hub's replaced index is gone, and
 * Flowable's END_TIME_ index stays: MariaDB's optimizer tells it from the hub's, so only H2 drops it ({@link EngineIndexesIT}).
 */
@HubIntegrationTest
@Import(HubClient.class) // the context of the other MariaDB suites
@MariaDb
class EngineIndexesMariaDbIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theHubsIndexesAndMariaDbsOwnExistAndFlowablesEndTimeIndexStays() throws SQLException {
        jdbc.execute("CREATE INDEX IF NOT EXISTS HUB_IDX_RU_ACTI_EXEC_ACT_END ON ACT_RU_ACTINST"
                + " (EXECUTION_ID_, ACT_ID_, END_TIME_)"); // what an earlier hub left

        new EngineIndexes(dataSource).afterPropertiesSet();

        try (Connection c = dataSource.getConnection()) {
            for (EngineIndexes.Index index : EngineIndexes.INDEXES) {
                assertThat(EngineIndexes.exists(c, index)).as(index.name()).isTrue();
            }
            for (EngineIndexes.Index index : EngineIndexes.INNODB_ONLY) {
                assertThat(EngineIndexes.exists(c, index)).as(index.name()).isTrue();
            }
            assertThat(EngineIndexes.exists(c, EngineIndexes.RETIRED.get(0))).isFalse();
            assertThat(EngineIndexes.exists(c, EngineIndexes.H2_TIE_LOSER)).isTrue();
        }
    }
}
