package cn.gov.sd.pilotzone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hub as operations run it, for one database: the packaged jar ({@code target/pilot-zone-hub.jar}) in its own
 * JVM with {@code -Xmx512m} and its real settings, a fresh database and data directory; the benchmark's clerks
 * stay in the benchmark's JVM and reach it over HTTP, as users do. Only the port, the demo accounts (the clerks)
 * and the {@link BenchAgent} (the benchmark's hands next to the engine, on a port of its own) differ from a
 * production start. The JVM runs with native memory tracking, so its memory can be told apart (heap, metaspace,
 * the rest); its log goes to {@code target/bench/hub-<database>.log}.
 */
final class BenchHub implements AutoCloseable {

    /** A database to measure on: the profile and properties the hub starts with. */
    record Database(String name, String driver, String profile, Map<String, String> properties) {
    }

    private static final Path JAR = Path.of("target", "pilot-zone-hub.jar");
    private static final String MARIADB_DB = System.getProperty("bench.mariadb.database", "hub_bench");
    /** The JVM settings of the hub's process: the README's run command (bench.hubJvmArgs to try others). */
    static final String HUB_JVM_ARGS = System.getProperty("bench.hubJvmArgs",
            "-Xmx512m -Xms128m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
                    + " -Djdk.nio.maxCachedBufferSize=262144");
    /**
     * The README's run command sets both: glibc's per-thread malloc arenas otherwise keep freed native memory, and
     * its dynamic mmap threshold (raised after each large block freed, up to 32 MB) otherwise serves the embedded
     * database's large I/O buffers from the heap, which then stays grown.
     */
    static final Map<String, String> MALLOC = Map.of("MALLOC_ARENA_MAX", "2", "MALLOC_MMAP_THRESHOLD_", "131072");

    static Database h2() {
        return new Database("h2", "H2 (embedded file database, the default profile)", null, Map.of());
    }

    /**
     * MariaDB through the {@code mariadb} profile (MariaDB's own driver): the README's advice for MariaDB, since
     * Connector/J sees MariaDB 10.11 as MySQL 5.5 and drops milliseconds. The database ({@code bench.mariadb.database},
     * {@code hub_bench} by default) is dropped and created again as root ({@code mysql -uroot}) so each benchmark
     * starts from empty tables; empty if unreachable.
     */
    static Optional<Database> mariadb(StringBuilder why) {
        if (!MARIADB_DB.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("bench.mariadb.database: not a plain database name: " + MARIADB_DB);
        }
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

    private static final HttpClient AGENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final int port;
    private final int agentPort;
    private final Path dataDir;
    private final ObjectMapper json = new ObjectMapper();

    private BenchHub(Process process, int port, int agentPort, Path dataDir) {
        this.process = process;
        this.port = port;
        this.agentPort = agentPort;
        this.dataDir = dataDir;
    }

    static BenchHub start(Database db, Path dataDir, Map<String, String> settings) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the benchmark runs after `package`");
        }
        deleteTree(dataDir);
        int port = freePort();
        int agentPort = freePort();
        Map<String, String> props = new LinkedHashMap<>(db.properties());
        props.put("hub.data-dir", dataDir.toAbsolutePath().toString());
        props.put("hub.demo.enabled", "true");
        props.put("server.port", Integer.toString(port));
        props.put(BenchAgent.PORT_PROPERTY, Integer.toString(agentPort));
        props.put("spring.main.sources", BenchAgent.class.getName());
        if (db.profile() != null) {
            props.put("spring.profiles.active", db.profile());
        }
        props.putAll(settings);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // "{db}" names a file per database, e.g. a flight recording
        command.addAll(List.of(HUB_JVM_ARGS.replace("{db}", db.name()).strip().split("\\s+")));
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-XX:NativeMemoryTracking=summary",
                // the agent's JDK HTTP server, not the hub's: without TCP_NODELAY each small answer waited for the
                // client's delayed ACK (about 40 ms), which figure 2 paid once per task on the hub side only
                "-Dsun.net.httpserver.nodelay=true",
                // the agent's class files alone, added to the jar's class path by Spring Boot's PropertiesLauncher
                "-Dloader.path=" + agentClasses().toAbsolutePath(),
                "-cp", JAR.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
        props.forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log = Path.of("target", "bench", "hub-" + db.name() + ".log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(MALLOC);
        Process process = builder.start();
        BenchHub hub = new BenchHub(process, port, agentPort, dataDir);
        try {
            hub.awaitUp(Duration.ofMinutes(15), log); // on a busy shared machine a start has taken over 5
        } catch (RuntimeException e) {
            hub.close();
            throw e;
        }
        return hub;
    }

    /**
     * A folder with the agent's class files and the baseline process, and nothing else of the test classes:
     * on {@code loader.path} the hub's component scan would pick up test configurations.
     */
    private static Path agentClasses() throws IOException {
        Path classes = Path.of(BenchAgent.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path agent = Path.of("target", "bench", "agent");
        deleteTree(agent);
        String pkg = BenchAgent.class.getPackageName().replace('.', '/');
        Path to = Files.createDirectories(agent.resolve(pkg));
        try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("(BenchAgent|YearOfData)(\\$.*)?\\.class"))
                    .toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        Files.createDirectories(agent.resolve("bench"));
        Files.copy(classes.resolve("bench/minimal-task.bpmn20.xml"), agent.resolve("bench/minimal-task.bpmn20.xml"));
        return agent;
    }

    private void awaitUp(Duration atMost, Path log) {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<String> r = AGENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            AwardIngest.sleep(500);
        }
        throw new IllegalStateException("the hub was not UP within " + atMost + ", see " + log);
    }

    /** Runs an agent command in the hub's process: its JSON answer. */
    JsonNode agent(String command, Object body) {
        try {
            HttpResponse<String> r = AGENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agentPort
                    + "/" + command)).timeout(Duration.ofHours(1)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("agent " + command + ": " + r.statusCode() + " " + r.body());
            }
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a query, run in the hub's process (an embedded H2 database has no other door). */
    JsonNode query(String sql, Object... args) {
        return agent("sql", Map.of("sql", sql, "args", List.of(args)));
    }

    long count(String sql, Object... args) {
        JsonNode rows = query(sql, args);
        return rows.get(0).elements().next().asLong();
    }

    void update(String sql, Object... args) {
        agent("sql", Map.of("sql", sql, "args", List.of(args)));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
