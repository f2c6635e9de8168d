package cn.gov.sd.pilotzone.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The MariaDB database the hub processes of the fault tests share ({@code hub_fault}, made by
 * {@code .ci/mariadb-setup.sh}), emptied before each test so every test starts a hub on a new schema.
 */
final class FaultDatabase {

    static final String URL = System.getenv().getOrDefault("HUB_FAULT_DB_URL", "jdbc:mysql://127.0.0.1:3306/hub_fault"
            + "?nullDatabaseMeansCurrent=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
            + "&rewriteBatchedStatements=true&characterEncoding=UTF-8");
    static final String USER = System.getenv().getOrDefault("HUB_TEST_DB_USER", "hub");
    static final String PASSWORD = System.getenv().getOrDefault("HUB_TEST_DB_PASSWORD", "hub");

    private FaultDatabase() {
    }

    static void empty() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            List<String> tables = jdbc.queryForList(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", String.class);
            jdbc.execute("SET FOREIGN_KEY_CHECKS = 0");
            tables.forEach(t -> jdbc.execute("DROP TABLE `" + t + "`"));
            jdbc.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    /** A query on the fault database, on a connection of its own (the hubs' pools are theirs). */
    static <T> T query(Function<JdbcTemplate, T> work) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return work.apply(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
        }
    }

    static int count(String sql) throws SQLException {
        return query(jdbc -> jdbc.queryForObject(sql, Integer.class));
    }
}
