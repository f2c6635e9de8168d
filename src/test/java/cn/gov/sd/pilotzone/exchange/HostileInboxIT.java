package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestUscc;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 "no file can stop a feed or the hub", through the real routes: what is not a regular file goes to
 * error/ unopened and the feed goes on; a file written under its final name with a pause is taken once, whole; a
 * file that was in work whenever its node died is quarantined after hub.exchange.max-attempts; a feed whose
 * consumer stopped is DOWN in /actuator/health.
 */
@HubIntegrationTest
@Import(HubClient.class)
class HostileInboxIT {

    private static final String REJECTED = "文件被拒收，其中任何内容均未入库 / File rejected, nothing in it was applied";

    @Autowired
    HubClient hub;
    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamelContext camel;
    @Autowired
    InboundFeedHealth health;
    @Autowired
    ExchangeLayout layout;

    private Path inbox(String feed) throws Exception {
        return Files.createDirectories(hub.dataDir().resolve("inbox").resolve(feed));
    }

    private static String unique(String name) {
        return UUID.randomUUID().toString().substring(0, 8) + "-" + name;
    }

    /** Puts a link in the inbox, waits for it in error/, checks it moved as a link; the report. */
    private String linkRejected(String feed, String name, Path target) throws Exception {
        Files.createSymbolicLink(inbox(feed).resolve(name), target);
        Path stored = hub.awaitIn("error", feed, name);
        assertThat(Files.isSymbolicLink(stored)).as("the link moved, not its target").isTrue();
        assertThat(Files.readSymbolicLink(stored)).isEqualTo(target);
        return awaitReport(stored);
    }

    private static String awaitReport(Path stored) {
        Path report = stored.resolveSibling(stored.getFileName() + ExchangeLayout.REPORT_SUFFIX);
        await().atMost(HubClient.WAIT).until(() -> Files.exists(report));
        try {
            return Files.readString(report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feed still takes a good file, and its health is UP. */
    private void feedStillWorks() {
        String uscc = TestUscc.next("370705");
        String name = unique("good.csv");
        hub.drop("enterprises", name, FeedFiles.utf8("uscc,enterprise_name,county_code", uscc + ",潍坊好公司,370705"));
        hub.awaitIn("archive", "enterprises", name);
        assertThat(registry.find(uscc)).isPresent();
        assertThat(health.health("enterprises").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void linkToDevZeroGoesToErrorUnopenedAndTheFeedGoesOn() throws Exception {
        String report = linkRejected("enterprises", unique("zero.csv"), Path.of("/dev/zero"));
        assertThat(report).startsWith(REJECTED).contains("a symbolic link, not a file").doesNotContain("/dev/zero");
        feedStillWorks();
    }

    @Test
    void linkToEtcPasswdEchoesNothingOfItsTarget() throws Exception {
        String report = linkRejected("enterprises", unique("passwd.csv"), Path.of("/etc/passwd"));
        assertThat(report).contains("symbolic link").doesNotContain("root:").doesNotContain("/etc/passwd");
        assertThat(hub.call("admin", HttpMethod.GET, "/dashboard", null).getBody()).doesNotContain("root:x:");
        feedStillWorks();
    }

    @Test
    void linkToADirectoryGoesToErrorToo() throws Exception {
        Path dir = Files.createTempDirectory("hub-linked-dir");
        Files.writeString(dir.resolve("inside.csv"), "uscc,enterprise_name,county_code\n");
        String report = linkRejected("credit-records", unique("folder"), dir);
        assertThat(report).contains("symbolic link");
        assertThat(dir.resolve("inside.csv")).as("the target is left alone").exists();
    }

    /** Names the routes never take (markers, hidden, temporary) are no hiding place for a link or a pipe. */
    @Test
    void linkOrPipeUnderAnIgnoredNameGoesToErrorToo() throws Exception {
        String report = linkRejected("enterprises", unique("passwd.csv.done"), Path.of("/etc/passwd"));
        assertThat(report).contains("symbolic link").doesNotContain("root:");
        linkRejected("enterprises", "." + unique("hidden"), Path.of("/dev/zero"));

        String name = unique("pipe.csv.tmp");
        Path fifo = inbox("enterprises").resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
        assertThat(awaitReport(hub.awaitIn("error", "enterprises", name))).contains("not a regular file");
        feedStillWorks();
    }

    @Test
    void namedPipeGoesToErrorWithoutBlockingTheFeed() throws Exception {
        String name = unique("pipe.csv");
        Path fifo = inbox("enterprises").resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();

        Path stored = hub.awaitIn("error", "enterprises", name);
        assertThat(Files.isRegularFile(stored, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(awaitReport(stored)).startsWith(REJECTED).contains("not a regular file (a named pipe, device");
        feedStillWorks();
    }

    @Test
    void deviceFileGoesToErrorUnopened() throws Exception {
        String name = unique("null.csv");
        Path device = inbox("enterprises").resolve(name);
        // the character device of /dev/null (1,3); creating one needs root, as the hub's test runs in CI
        Process mknod = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").inheritIO().start();
        boolean created = mknod.waitFor(10, TimeUnit.SECONDS) && mknod.exitValue() == 0;
        Assumptions.assumeTrue(created, "mknod not permitted here");

        Path stored = hub.awaitIn("error", "enterprises", name);
        assertThat(awaitReport(stored)).contains("not a regular file");
        feedStillWorks();
    }

    @Test
    void fileWrittenWithAPauseUnderItsFinalNameIsTakenOnceAndWhole() throws Exception {
        // progress-reports has a quiet period of 7 s in the test context; the writer pauses 5 s
        String name = unique("report.json");
        byte[] whole = ("{\"zoneId\": \"zibo\", \"taskCode\": \"ZB-01\", \"bureau\": \"gxj\", \"period\": \"2024Q1\", "
                + "\"progress\": 50, \"summary\": \"" + "进展顺利".repeat(50) + "\"}").getBytes(StandardCharsets.UTF_8);
        Path file = inbox("progress-reports").resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(whole, 0, whole.length / 2);
            out.flush();
            Thread.sleep(5000); // a sender that stalls half-way
            out.write(whole, whole.length / 2, whole.length - whole.length / 2);
        }

        Path taken = await().atMost(HubClient.WAIT).until(() -> stored("progress-reports", name), Optional::isPresent)
                .get();
        assertThat(Files.readAllBytes(taken)).as("taken whole").isEqualTo(whole);
        String report = Files.exists(taken.resolveSibling(taken.getFileName() + ExchangeLayout.REPORT_SUFFIX))
                ? awaitReport(taken) : "";
        assertThat(report).as("not read half-way").doesNotContain("malformed");
        assertThat(copies("progress-reports", name)).as("taken once").isEqualTo(1);
    }

    @Test
    void fileTakenOverMoreThanMaxAttemptsIsQuarantinedUnread() throws Exception {
        // as if hub nodes had died max-attempts times while applying it: its claim, held by a dead node
        String name = unique("crashes.csv");
        byte[] content = FeedFiles.utf8("uscc,enterprise_name,county_code", TestUscc.next("370705") + ",潍坊崩溃公司,370705");
        long modified = System.currentTimeMillis() - 60_000;
        Path inbox = inbox("enterprises");
        String key = layout.claimKey(inbox.toString(), name, content.length, modified);
        jdbc.update("INSERT INTO inbound_claim (claim_id, feed, file_key, node_id, state, claimed_at, attempts) "
                        + "VALUES (?,?,?,?,'CLAIMED',?,?)", InboundClaims.id(key), "enterprises", key, "dead-node-" + name,
                LocalDateTime.now().minusHours(1), layout.maxAttempts());
        Path part = inbox.resolve("." + name + ".part");
        Files.write(part, content);
        Files.setLastModifiedTime(part, FileTime.fromMillis(modified));
        Files.move(part, inbox.resolve(name));

        Path stored = hub.awaitIn("error", "enterprises", name);
        assertThat(awaitReport(stored)).startsWith(REJECTED).contains("the hub stopped " + layout.maxAttempts()
                + " times while it was processing this file");
        assertThat(Files.readAllBytes(stored)).isEqualTo(content);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_claim WHERE claim_id = ?", Integer.class,
                InboundClaims.id(key))).as("claim given up: a re-processed copy is tried afresh").isZero();
    }

    @Test
    void feedWhoseConsumerStoppedIsDownInHealthUntilItRuns() throws Exception {
        String route = "credit-records";
        camel.getRouteController().stopRoute(route);
        try {
            assertThat(health.health(route).getStatus()).isEqualTo(Status.DOWN);
            var answer = hub.call(null, HttpMethod.GET, "/actuator/health", null);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getBody()).contains("\"DOWN\"");
            String feeds = hub.call("admin", HttpMethod.GET, "/actuator/health/feeds", null).getBody();
            assertThat(feeds).as(feeds).contains("\"" + route + "\":{\"status\":\"DOWN\"");
        } finally {
            camel.getRouteController().startRoute(route);
        }
        await().atMost(HubClient.WAIT).until(() -> health.health(route).getStatus().equals(Status.UP));
        String feeds = hub.call("admin", HttpMethod.GET, "/actuator/health/feeds", null).getBody();
        assertThat(feeds).as(feeds).startsWith("{\"status\":\"UP\"").contains("\"" + route + "\"");
        // Camel's own consumer check comes back after the restarted consumer's first poll
        await().atMost(HubClient.WAIT).until(() -> hub.call(null, HttpMethod.GET, "/actuator/health", null).getBody(),
                body -> body.contains("\"UP\""));
    }

    private Optional<Path> stored(String feed, String name) {
        return hub.find("archive", feed, name).or(() -> hub.find("error", feed, name));
    }

    private long copies(String feed, String name) {
        return List.of("archive", "error").stream().mapToLong(folder -> hub.files(folder, feed).stream()
                .filter(p -> p.getFileName().toString().endsWith("_" + name)).count()).sum();
    }
}
