package cn.gov.sd.pilotzone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.PilotZoneHubApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub as it runs in production, started inside the benchmark's JVM for one database: its own Spring context,
 * its real settings (poll delay, pools, async executor) and a fresh database and data directory. Only the port
 * (random) and the demo accounts (the clerks who work the tasks) differ from a production start.
 */
final class BenchHub implements AutoCloseable {

    /** A database to measure on: the profile and properties the hub starts with. */
    record Database(String name, String driver, String profile, Map<String, Object> properties) {
    }

    private static final String MARIADB_DB = System.getProperty("bench.mariadb.database", "hub_bench");

    static Database h2() {
        return new Database("h2", "H2 (embedded file database, the default profile)", null, Map.of());
    }

    /**
     * MariaDB through the {@code mariadb} profile (MariaDB's own driver): the README's advice for MariaDB, since
     * Connector/J sees MariaDB 10.11 as MySQL 5.5 and drops milliseconds. The database is dropped and created
     * again as root ({@code mysql -uroot}) so each benchmark starts from empty tables; empty if unreachable.
     */
    static Optional<Database> mariadb(StringBuilder why) {
        String url = "jdbc:mariadb://127.0.0.1:3306/" + MARIADB_DB
                + "?nullDatabaseMeansCurrent=true&rewriteBatchedStatements=true";
        String sql = "DROP DATABASE IF EXISTS " + MARIADB_DB + "; CREATE DATABASE " + MARIADB_DB
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin; GRANT ALL ON " + MARIADB_DB
                + ".* TO 'hub'@'localhost', 'hub'@'%'";
        try {
            Process p = new ProcessBuilder("mysql", "-uroot", "-e", sql).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                why.append("could not recreate database ").append(MARIADB_DB).append(" as root: ").append(out.strip());
                return Optional.empty();
            }
            try (var c = DriverManager.getConnection(url, "hub", "hub")) {
                String version = c.getMetaData().getDatabaseProductVersion();
                return Optional.of(new Database("mariadb", "MariaDB " + version + " at 127.0.0.1:3306/" + MARIADB_DB
                        + ", profile `mariadb` (org.mariadb.jdbc " + c.getMetaData().getDriverVersion() + ")",
                        "mariadb", Map.of("spring.datasource.url", url, "spring.datasource.username", "hub",
                        "spring.datasource.password", "hub")));
            }
        } catch (Exception e) {
            why.append("MariaDB not reachable: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private BenchHub(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    static BenchHub start(Database db, Path dataDir) {
        deleteTree(dataDir);
        Map<String, Object> props = new LinkedHashMap<>(db.properties());
        props.put("hub.data-dir", dataDir.toAbsolutePath().toString());
        props.put("hub.demo.enabled", "true");
        props.put("server.port", "0");
        if (db.profile() != null) {
            props.put("spring.profiles.active", db.profile());
        }
        // as command-line arguments: they override config/application*.yml (default properties would not)
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new BenchHub(new SpringApplicationBuilder(PilotZoneHubApplication.class).run(args), dataDir);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    TransactionTemplate tx() {
        return bean(TransactionTemplate.class);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        context.close();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
