package cn.gov.sd.pilotzone.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The indexes the hub adds to Flowable's tables exist once the hub has started, and H2 (the default database)
 * answers Flowable's own queries through them instead of reading a whole table (README "Performance").
 */
@HubIntegrationTest
class EngineIndexesIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyIndexExistsAfterStartButMariaDbsOwn() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (EngineIndexes.Index index : EngineIndexes.INDEXES) {
                assertThat(EngineIndexes.exists(c, index)).as(index.name()).isTrue();
            }
            for (EngineIndexes.Index index : EngineIndexes.INNODB_ONLY) {
                assertThat(EngineIndexes.exists(c, index)).as(index.name()).isFalse();
            }
        }
    }

    @Test
    void startingAgainFindsThemAndCreatesNothing() throws SQLException {
        new EngineIndexes(dataSource).afterPropertiesSet();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME LIKE 'HUB_IDX_%'",
                Integer.class)).isEqualTo(EngineIndexes.INDEXES.size());
    }

    @Test
    void anActivityStartNoLongerReadsEveryUnfinishedActivityOnH2() throws SQLException {
        // Flowable's table and indexes for it (flowable.h2.create.engine.sql), with many open cases: H2 takes
        // END_TIME_ IS NULL for a selective condition (end times are all different) and picks that index
        JdbcTemplate h2 = flowableActivityTable();
        // the benchmark's proportions after a run (README "Performance"): an execution per 9 rows, 31 activities,
        // one in eight unfinished, end times shared by three rows
        h2.update("insert into ACT_RU_ACTINST select 'a' || X, 'e' || (X / 9), 'act' || MOD(X, 31),"
                + " case when MOD(X, 8) = 0 then null"
                + " else timestamp '2026-01-01 00:00:00' + (X / 3) * interval '1' second end from system_range(1, 20000)");
        h2.execute("analyze");
        assertThat(plan(h2, UNFINISHED)).as("Flowable's indexes alone").contains("ACT_IDX_RU_ACTI_END");

        new EngineIndexes(h2.getDataSource()).afterPropertiesSet();

        assertThat(plan(h2, UNFINISHED)).contains("HUB_IDX_RU_ACTI_UNFINISHED");
    }

    @Test
    void anActivityStartKeepsTheHubsIndexWhenH2sStatisticsTieItWithFlowablesEndTimeIndex() throws SQLException {
        JdbcTemplate h2 = flowableActivityTable();
        new EngineIndexes(h2.getDataSource()).afterPropertiesSet();
        // the selectivities H2's automatic ANALYZE gave these columns in the benchmark's database when the
        // completion rate fell: END_TIME_ 35 costs a look-up by it alone as much as one by all three columns
        h2.execute("alter table ACT_RU_ACTINST alter column END_TIME_ selectivity 35");
        h2.execute("alter table ACT_RU_ACTINST alter column EXECUTION_ID_ selectivity 11");
        h2.execute("alter table ACT_RU_ACTINST alter column ACT_ID_ selectivity 1");

        assertThat(plan(h2, UNFINISHED)).contains("HUB_IDX_RU_ACTI_UNFINISHED");
        assertThat(plan(h2, "select * from ACT_RU_ACTINST where END_TIME_ is null"))
                .as("a look-up Flowable's dropped index served").contains("HUB_IDX_RU_ACTI_UNFINISHED");
    }

    @Test
    void anEarlierHubsIndexIsReplacedByTheNewOne() throws SQLException {
        JdbcTemplate h2 = flowableActivityTable();
        h2.execute("create index HUB_IDX_RU_ACTI_EXEC_ACT_END on ACT_RU_ACTINST(EXECUTION_ID_, ACT_ID_, END_TIME_)");

        new EngineIndexes(h2.getDataSource()).afterPropertiesSet();

        assertThat(h2.queryForList("select INDEX_NAME from INFORMATION_SCHEMA.INDEXES where TABLE_NAME = 'ACT_RU_ACTINST'",
                String.class)).contains("HUB_IDX_RU_ACTI_UNFINISHED", "ACT_IDX_RU_ACTI_EXEC_ACT")
                .doesNotContain("HUB_IDX_RU_ACTI_EXEC_ACT_END", "ACT_IDX_RU_ACTI_END");
    }

    /** Flowable's look-up of an execution's unfinished activity (ActivityInstance.xml). */
    private static final String UNFINISHED = "select * from ACT_RU_ACTINST RES where EXECUTION_ID_ = 'e7'"
            + " and ACT_ID_ = 'act3' and END_TIME_ is null";

    /** Flowable's tables the hub indexes, with Flowable's own indexes on ACT_RU_ACTINST, in a database of their own. */
    private static JdbcTemplate flowableActivityTable() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:actinst-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate h2 = new JdbcTemplate(db);
        h2.execute("create table ACT_RU_ACTINST (ID_ varchar(64) primary key, EXECUTION_ID_ varchar(64),"
                + " ACT_ID_ varchar(255), END_TIME_ timestamp)");
        h2.execute("create table ACT_HI_COMMENT (ID_ varchar(64) primary key, TASK_ID_ varchar(64),"
                + " PROC_INST_ID_ varchar(64))");
        h2.execute("create table ACT_RU_TASK (ID_ varchar(64) primary key, ASSIGNEE_ varchar(255), CREATE_TIME_ timestamp)");
        h2.execute("create index ACT_IDX_RU_ACTI_END on ACT_RU_ACTINST(END_TIME_)");
        h2.execute("create index ACT_IDX_RU_ACTI_EXEC_ACT on ACT_RU_ACTINST(EXECUTION_ID_, ACT_ID_)");
        return h2;
    }

    @Test
    void theCasePageReadsOnlyItsOwnComments() {
        // Flowable's statement (Comment.xml, selectCommentsByProcessInstanceId)
        assertThat(plan("select * from ACT_HI_COMMENT where PROC_INST_ID_ = 'p' order by TIME_ desc"))
                .contains("HUB_IDX_HI_COMMENT_PROC").doesNotContain("tableScan");
    }

    @Test
    void theTaskListFindsAClerksOwnTasksWithoutReadingEveryOpenTask() {
        // the own-tasks half of the task list's query (task/EngineTables.openTasks)
        assertThat(plan("SELECT a.ID_, a.CREATE_TIME_ FROM ACT_RU_TASK a WHERE a.ASSIGNEE_ = 'county-370705'"))
                .contains("HUB_IDX_RU_TASK_ASSIGNEE").doesNotContain("tableScan");
    }

    private String plan(String sql) {
        return plan(jdbc, sql);
    }

    private static String plan(JdbcTemplate jdbc, String sql) {
        return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class));
    }
}
