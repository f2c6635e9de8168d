package cn.gov.sd.pilotzone.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.MariaDb;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/** {@link EngineTablesTests} on MariaDB (mysql profile), when reachable and always under CI=true. */
@HubIntegrationTest
@Import(HubClient.class) // the context of the other ITs
@MariaDb
class EngineTablesMariaDbIT extends EngineTablesTests {

    /**
     * The task inbox's ids join ACT_RU_TASK's and ACT_RU_IDENTITYLINK's as they are: in another character set each
     * comparison converts, and MariaDB read every open task for each page of the task list (V101).
     */
    @Test
    void theInboxSharesTheEngineTablesCharacterSet() {
        List<String> collations = jdbc.queryForList("SELECT DISTINCT COLLATION_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND ((TABLE_NAME = 'ACT_RU_TASK' AND COLUMN_NAME = 'ID_')"
                + " OR (TABLE_NAME = 'ACT_RU_IDENTITYLINK' AND COLUMN_NAME IN ('TASK_ID_', 'GROUP_ID_'))"
                + " OR (TABLE_NAME = 'task_inbox' AND COLUMN_NAME IN ('task_id', 'group_id')))", String.class);

        assertThat(collations).hasSize(1);
    }
}
