package cn.gov.sd.pilotzone.faults;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * A MariaDB server of the test's own (datadir under /tmp, own port and socket, root without password), to be
 * stopped and started while a hub uses it. Never the machine's shared server.
 */
final class PrivateMariaDb implements AutoCloseable {

    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");

    private final Path dir;
    private final int port;
    private Process process;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Skips where MariaDB's server binaries are missing (a developer's machine); under CI=true they must be there. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(INSTALL) && Files.isExecutable(SERVER);
        if ("true".equalsIgnoreCase(System.getenv("CI")) && !installed) {
            throw new IllegalStateException("CI=true: the exchange database outage test needs " + INSTALL + " and " + SERVER);
        }
        Assumptions.assumeTrue(installed, INSTALL + " or " + SERVER + " missing: exchange database outage test skipped");
    }

    static PrivateMariaDb create() throws IOException, InterruptedException, SQLException {
        Path dir = Files.createTempDirectory("hub-exchange-mariadb");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PrivateMariaDb db = new PrivateMariaDb(dir, port);
        int installed = new ProcessBuilder(INSTALL.toString(), "--no-defaults", "--user=" + System.getProperty("user.name"),
                "--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start().waitFor();
        if (installed != 0) {
            throw new IllegalStateException("mariadb-install-db failed, see " + dir.resolve("install.log"));
        }
        db.start();
        try (Connection c = db.connect("")) {
            c.createStatement().execute("CREATE DATABASE ex CHARACTER SET utf8mb4");
        }
        return db;
    }

    String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/ex?connectTimeout=2000";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + database, "root", "");
    }

    void start() throws IOException {
        process = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--user=" + System.getProperty("user.name"),
                "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                "--innodb-buffer-pool-size=32M")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (Connection c = connect("")) {
                return;
            } catch (SQLException e) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("private MariaDB did not start, see " + dir.resolve("server.log"), e);
                }
                HubProcess.sleep(Duration.ofMillis(200));
            }
        }
    }

    /** As a crash or a pulled cable: SIGKILL, no clean shutdown (InnoDB recovers at the next start). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    List<String> log() throws IOException {
        return Files.readAllLines(dir.resolve("server.log"));
    }
}
