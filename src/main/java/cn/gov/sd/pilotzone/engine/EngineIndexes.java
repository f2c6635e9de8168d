package cn.gov.sd.pilotzone.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Indexes on Flowable's own tables that Flowable 7.2 does not create and the hub's work needs, made once the engine
 * has built its schema (hence {@code @DependsOn} Flowable's {@code processEngine}). Found by the benchmark (README
 * "Performance"): without them a query reads the whole table, so it slows down as open cases and history pile up.
 * Created only when missing, so a second node starting at the same time or a DBA who made one already is fine.
 */
@Component
@DependsOn("processEngine")
class EngineIndexes implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    /** An index the hub adds to one of Flowable's tables. */
    record Index(String name, String table, List<String> columns, String why) {
    }

    static final List<Index> INDEXES = List.of(
            // Each activity start or end looks up the execution's unfinished instance of that activity
            // (EXECUTION_ID_ = ? AND ACT_ID_ = ? AND END_TIME_ IS NULL). Without all three columns in one index H2
            // read every unfinished activity: half of a task completion's time with 10,000 open tasks. END_TIME_
            // comes first so that the index serves every look-up Flowable's END_TIME_ index served (see
            // H2_TIE_LOSER).
            new Index("HUB_IDX_RU_ACTI_UNFINISHED", "ACT_RU_ACTINST",
                    List.of("END_TIME_", "EXECUTION_ID_", "ACT_ID_"), "unfinished activity of an execution"),
            // The case page shows a case's comments (PROC_INST_ID_ = ?): Flowable has no index for it, so every case
            // page read every comment ever written, a year of them after a year.
            new Index("HUB_IDX_HI_COMMENT_PROC", "ACT_HI_COMMENT", List.of("PROC_INST_ID_"), "comments of a case"),
            new Index("HUB_IDX_HI_COMMENT_TASK", "ACT_HI_COMMENT", List.of("TASK_ID_"), "comments of a task"),
            // Every task list asks for the clerk's own tasks (ASSIGNEE_ = ?) beside their groups' unclaimed ones:
            // Flowable has no index for it, so each list read every open task (10,000 rows with 10,000 open tasks,
            // a third of the task list's time on H2).
            new Index("HUB_IDX_RU_TASK_ASSIGNEE", "ACT_RU_TASK", List.of("ASSIGNEE_", "CREATE_TIME_"),
                    "a clerk's own open tasks"));

    /**
     * Indexes on MariaDB and MySQL alone (InnoDB: every database but H2). The task list finds a clerk's tasks
     * through their groups' candidate links ({@code GROUP_ID_ = ? AND TYPE_ = 'candidate'}, the task's id): InnoDB's
     * index on GROUP_ID_ holds the link's primary key only, so each of a county's 834 links (the benchmark's 10,000
     * open tasks) was also read from the table. With the three columns in one index the links come from the index alone: the task list's query 3.8 → 2.5
     * ms on MariaDB (README "Performance"). On H2 the same index made the planner take a plan six times slower.
     */
    static final List<Index> INNODB_ONLY = List.of(new Index("HUB_IDX_RU_IDLINK_GROUP_TASK", "ACT_RU_IDENTITYLINK",
            List.of("GROUP_ID_", "TYPE_", "TASK_ID_"), "a group's tasks from the index alone"));

    /**
     * Indexes an earlier hub made and a later one replaced: dropped so that each write does not keep them up to date.
     * {@code HUB_IDX_RU_ACTI_EXEC_ACT_END} became {@code HUB_IDX_RU_ACTI_UNFINISHED}.
     */
    static final List<Index> RETIRED = List.of(new Index("HUB_IDX_RU_ACTI_EXEC_ACT_END", "ACT_RU_ACTINST",
            List.of("EXECUTION_ID_", "ACT_ID_", "END_TIME_"), "replaced by HUB_IDX_RU_ACTI_UNFINISHED"));

    /**
     * Flowable's index on END_TIME_ alone, dropped on H2 only. H2 costs an index in whole steps of its columns'
     * selectivities and, on a tie, keeps the index it met first, Flowable's: as cases finish activities and their
     * end times grow distinct, H2's automatic statistics bring END_TIME_ to the tie and every activity start reads
     * all unfinished activities again (the benchmark's completion rate on H2 fell from 141 to 45 tasks/s mid-run,
     * README "Performance"). The hub's index begins with END_TIME_, so no look-up loses an index. MariaDB costs
     * the two apart and keeps Flowable's.
     */
    static final Index H2_TIE_LOSER = new Index("ACT_IDX_RU_ACTI_END", "ACT_RU_ACTINST", List.of("END_TIME_"),
            "tied with HUB_IDX_RU_ACTI_UNFINISHED on H2");

    private final DataSource dataSource;

    EngineIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().startsWith("H2");
            for (Index index : h2 ? INDEXES : Stream.concat(INDEXES.stream(), INNODB_ONLY.stream()).toList()) {
                if (!exists(c, index)) {
                    create(c, index);
                }
            }
            for (Index index : RETIRED) {
                drop(c, index);
            }
            if (h2) {
                drop(c, H2_TIE_LOSER);
            }
        }
    }

    private void drop(Connection c, Index index) throws SQLException {
        if (!exists(c, index)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            // H2 names the index alone, MariaDB with its table; both accept IF EXISTS for a node dropping it too
            s.execute("DROP INDEX IF EXISTS " + index.name()
                    + (c.getMetaData().getDatabaseProductName().startsWith("H2") ? "" : " ON " + index.table()));
            if (!c.getAutoCommit()) {
                c.commit();
            }
            log.info("index {} on {} dropped ({})", index.name(), index.table(), index.why());
        }
    }

    private void create(Connection c, Index index) throws SQLException {
        String sql = "CREATE INDEX " + index.name() + " ON " + index.table() + " (" + String.join(", ", index.columns())
                + ")";
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            log.info("index {} on {} created ({})", index.name(), index.table(), index.why());
        } catch (SQLException e) {
            if (!exists(c, index)) { // another node may have created it meanwhile
                throw e;
            }
        }
    }

    static boolean exists(Connection c, Index index) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        // H2 keeps names upper case, MariaDB as written; the catalog is the connection's database
        for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), null, table, false, false)) {
                while (rs.next()) {
                    if (index.name().equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
