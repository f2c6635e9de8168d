package cn.gov.sd.pilotzone.faults;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A hub as operations run it: the packaged jar ({@code target/pilot-zone-hub.jar}, built by {@code package} before
 * the integration tests) in its own JVM with {@code -Xmx512m}, on the fault database, killed with SIGKILL or stopped
 * like any process. Its log goes to {@code target/faults/<name>.log}.
 */
final class HubProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "pilot-zone-hub.jar");

    private final String name;
    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HubProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts a node on the fault database with the data folder given (shared when nodes share an inbox). */
    static HubProcess start(String name, Path dataDir, String... settings) throws IOException {
        HubProcess hub = launch(name, dataDir, settings);
        try {
            // generous: a first start migrates the schema, and CI machines are shared and slow
            hub.awaitHealth("UP", Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            // a node that never came up must not outlive the test (it would keep working on the fault database)
            hub.process.destroyForcibly();
            throw e;
        }
        return hub;
    }

    /**
     * Starts a node without waiting for it to be UP: for a test that kills it while it works on a file, which its
     * feeds take before the health is UP (a feed is UP after its first poll, and that poll is the file's).
     */
    static HubProcess launch(String name, Path dataDir, String... settings) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the fault tests run after `mvn package`");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError", "-jar", JAR.toString(),
                "--spring.profiles.active=mysql",
                "--server.port=" + port,
                "--hub.data-dir=" + dataDir.toAbsolutePath(),
                "--hub.demo.enabled=true",
                "--hub.exchange.poll-delay=200",
                "--hub.exchange.quiet-period=PT2S", // the workloads rename finished files: no need to wait 10 s
                "--hub.exchange.payment-batch-interval=PT1S",
                "--hub.exchange.outbound-interval=PT1S",
                "--hub.award.public-notice-period=PT2S",
                "--hub.cluster.heartbeat=PT1S",
                "--hub.cluster.node-timeout=PT6S",
                "--spring.datasource.hikari.connection-timeout=3000",
                "--flowable.process.async.executor.default-timer-job-acquire-wait-time=PT0.5S",
                "--flowable.process.async.executor.default-async-job-acquire-wait-time=PT0.5S"));
        command.addAll(List.of(settings));
        Path log = Path.of("target", "faults", name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HUB_DB_URL", FaultDatabase.URL);
        builder.environment().put("HUB_DB_USER", FaultDatabase.USER);
        builder.environment().put("HUB_DB_PASSWORD", FaultDatabase.PASSWORD);
        return new HubProcess(name, port, builder.start());
    }

    /** Waits until {@code /actuator/health} says the status given (UP, DOWN). */
    void awaitHealth(String status, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see its log");
            }
            if (health().contains("\"status\":\"" + status + "\"")) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " did not report " + status + " within " + atMost + ": " + health());
    }

    String health() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "unreachable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    HttpResponse<String> get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        try {
            return http.send(request.header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kill -9: no shutdown hook, no graceful stop of routes or transactions. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
