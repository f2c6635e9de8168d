package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.component.file.FileEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds on a real SFTP server (Apache MINA SSHD, started here): enterprises' inbox and payment-instructions' outbox
 * on the server; credit-records' inbox on it too, but with a known_hosts entry that does not match the server's key,
 * which the hub must refuse. A context of its own: the server's port is only known once it runs.
 */
@HubIntegrationTest
@Import(HubClient.class)
class SftpFeedsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SftpTestServer SERVER = new SftpTestServer();

    @DynamicPropertySource
    static void sftp(DynamicPropertyRegistry registry) {
        String base = "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + SERVER.port() + "/exchange/";
        for (String feed : List.of("enterprises", "payment-instructions")) {
            String folder = feed.equals("enterprises") ? "inbox/" : "outbox/";
            registry.add("hub.exchange.sftp." + feed + ".uri", () -> base + folder + feed);
            registry.add("hub.exchange.sftp." + feed + ".password", () -> SftpTestServer.PASSWORD);
            registry.add("hub.exchange.sftp." + feed + ".known-hosts", () -> SERVER.knownHosts().toString());
        }
        registry.add("hub.exchange.sftp.credit-records.uri", () -> base + "inbox/credit-records");
        registry.add("hub.exchange.sftp.credit-records.password", () -> SftpTestServer.PASSWORD);
        registry.add("hub.exchange.sftp.credit-records.known-hosts", () -> SERVER.wrongKnownHosts().toString());
        // the outbox's back-off capped low, so a returning server is written to within seconds
        registry.add("hub.exchange.outbound-retry.max-delay", () -> "2000");
    }

    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    ExchangeSftp sftp;
    @Autowired
    Outbox outbox;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    HubClient hub;
    @Autowired
    InboundFeeds inboundFeeds;
    @Autowired
    CamelContext camel;
    @Autowired
    FeedLog feedLog;
    @Autowired
    InboundFeedHealth feedHealth;

    private Path dir(String folder, String feed) throws IOException {
        return Files.createDirectories(SERVER.home().resolve("exchange").resolve(folder).resolve(feed));
    }

    /** Uploads as a well-behaved sender does: under a temp name, then renamed. */
    private String upload(String feed, String name, String content) throws IOException {
        Path inbox = dir("inbox", feed);
        Path temp = inbox.resolve("." + name + ".uploading");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return name;
    }

    private List<String> names(String folder, String feed) throws IOException {
        try (Stream<Path> files = Files.list(dir(folder, feed))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The copies of {@code name} in archive/ or error/ on the server (time-stamped), with their reasons. */
    private List<String> copies(String folder, String feed, String name) throws IOException {
        return names(folder, feed).stream().filter(n -> n.contains("_" + name)).toList();
    }

    private static String enterprises(String uscc, String county) {
        return "uscc,enterprise_name,county_code\n" + uscc + ",潍坊远程公司," + county + "\n";
    }

    @Test
    void aGoodFileIsAppliedAndArchivedOnTheServer() throws IOException {
        String uscc = TestEnterprises.uscc("370702");
        String name = upload("enterprises", "good-" + UUID.randomUUID() + ".csv", enterprises(uscc, "370702"));
        await().atMost(WAIT).until(() -> copies("archive", "enterprises", name).size() == 1);
        assertThat(names("inbox", "enterprises")).doesNotContain(name);
        assertThat(registry.find(uscc)).isPresent();
    }

    @Test
    void aBadFileGoesToErrorOnTheServerWithItsReason() throws IOException {
        String name = upload("enterprises", "bad-" + UUID.randomUUID() + ".csv",
                enterprises(TestEnterprises.uscc("370702"), "999999"));
        await().atMost(WAIT).until(() -> copies("error", "enterprises", name).size() == 2);
        String reason = copies("error", "enterprises", name).stream().filter(n -> n.endsWith(".error.txt")).findFirst()
                .map(n -> read("error", "enterprises", n)).orElseThrow();
        assertThat(reason).contains("999999").contains("文件被拒收");
    }

    @Test
    void aHalfUploadedFileIsNotTakenUntilItIsRenamed() throws Exception {
        String uscc = TestEnterprises.uscc("370702");
        String name = "slow-" + UUID.randomUUID() + ".csv";
        Path inbox = dir("inbox", "enterprises");
        for (String temp : List.of(name + ".part", name + ".filepart", "." + name)) {
            Files.writeString(inbox.resolve(temp), "uscc,enterprise_name,county_code\n" + uscc + ",潍坊半");
        }
        Thread.sleep(2500); // several polls: none of the temp names is taken
        assertThat(names("inbox", "enterprises")).contains(name + ".part", name + ".filepart", "." + name);
        assertThat(registry.find(uscc)).isEmpty();

        Files.writeString(inbox.resolve(name + ".part"), enterprises(uscc, "370702"));
        Files.move(inbox.resolve(name + ".part"), inbox.resolve(name));
        await().atMost(WAIT).until(() -> copies("archive", "enterprises", name).size() == 1);
        assertThat(registry.find(uscc)).isPresent();
    }

    @Test
    void aReSentFileWithNewContentIsProcessedAgain() throws IOException {
        String uscc = TestEnterprises.uscc("370702");
        String name = "resent-" + UUID.randomUUID() + ".csv";
        upload("enterprises", name, enterprises(uscc, "370702"));
        await().atMost(WAIT).until(() -> copies("archive", "enterprises", name).size() == 1);
        upload("enterprises", name, enterprises(uscc, "370703"));
        await().atMost(WAIT).until(() -> copies("archive", "enterprises", name).size() == 2);
        assertThat(registry.find(uscc).orElseThrow().countyCode()).isEqualTo("370703");
    }

    @Test
    void aServerGoingAwayMidTransferLosesNothingAndAppliesTheFileOnce() throws IOException {
        String uscc = TestEnterprises.uscc("370702");
        String name = "midway-" + UUID.randomUUID() + ".csv";
        SERVER.cutWhileReading(name::equals, 1);
        upload("enterprises", name, enterprises(uscc, "370702"));
        await().atMost(WAIT).until(() -> copies("archive", "enterprises", name).size() == 1);
        assertThat(SERVER.cutsLeft()).as("the transfer was cut once").isZero();
        assertThat(names("inbox", "enterprises")).doesNotContain(name);
        assertThat(copies("error", "enterprises", name)).isEmpty();
        assertThat(registry.find(uscc)).isPresent();
    }

    @Test
    void anUnreachableServerIsDownInHealthAndRecoveredWithoutRestart() throws IOException {
        SERVER.stop();
        String uscc = TestEnterprises.uscc("370702");
        String name;
        try {
            await().atMost(WAIT).until(() -> sftp.downReason("enterprises-sftp").isPresent());
            assertThat(sftp.health().getStatus().getCode()).isEqualTo("DOWN");
            name = upload("enterprises", "outage-" + UUID.randomUUID() + ".csv", enterprises(uscc, "370702"));
        } finally {
            SERVER.start();
        }
        // back-off: after 3 failed polls 10 are skipped (200 ms each here)
        await().atMost(WAIT).until(() -> copies("archive", "enterprises", name).size() == 1);
        assertThat(sftp.downReason("enterprises-sftp")).isEmpty();
        assertThat(registry.find(uscc)).isPresent();
    }

    @Test
    void aServerWhoseHostKeyDoesNotMatchKnownHostsIsRefused() throws IOException {
        String name = upload("credit-records", "credit-" + UUID.randomUUID() + ".csv",
                "uscc,enterprise_name,record_type,listed_on\n" + TestEnterprises.uscc("370702") + ",潍坊,质量失信,2024-01-01\n");
        await().atMost(WAIT).until(() -> sftp.downReason("credit-records-sftp").isPresent());
        assertThat(sftp.downReason("credit-records-sftp").orElseThrow()).containsIgnoringCase("HostKey");
        assertThat(names("inbox", "credit-records")).contains(name);
        assertThat(names("archive", "credit-records")).isEmpty();
    }

    @Test
    void paymentInstructionsAreWrittenToTheServerUnderATempNameWithADoneMarker() throws IOException {
        String paymentId = "PAY-SFTP-" + UUID.randomUUID().toString().substring(0, 8);
        addPayment(paymentId);
        // the marker comes last: once it is there, the file beside it is complete
        await().atMost(WAIT).until(() -> names("outbox", "payment-instructions").stream()
                .filter(n -> n.endsWith(".csv.done"))
                .anyMatch(n -> read("outbox", "payment-instructions", n.replace(".done", "")).contains(paymentId)));
        assertThat(names("outbox", "payment-instructions")).noneMatch(n -> n.startsWith(".writing-"));
        assertThat(sftp.downReason("payment-instructions")).isEmpty();
    }

    @Test
    void aFileDroppedInTheLocalInboxOfAnSftpFeedIsNotTakenAndTheDashboardShowsTheTransport() throws IOException {
        assertThat(inboundFeeds.routes()).containsEntry("enterprises", ExchangeSftp.routeId("enterprises"));
        assertThat(camel.getRoutes()).noneMatch(r -> r.getEndpoint() instanceof FileEndpoint file
                && file.getFile().toPath().endsWith(Path.of("inbox", "enterprises")));
        String uscc = TestEnterprises.uscc("370702");
        Path local = Files.createDirectories(hub.dataDir().resolve("inbox").resolve("enterprises"));
        String name = "local-" + UUID.randomUUID() + ".csv";
        Files.writeString(local.resolve(name), enterprises(uscc, "370702"));
        // long unchanged: a local inbox route would take it at its first poll
        Files.setLastModifiedTime(local.resolve(name), java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Duration.ofHours(1))));
        // the feed's one inbox, on the server, takes a file uploaded after it
        String later = upload("enterprises", "after-local-" + UUID.randomUUID() + ".csv",
                enterprises(TestEnterprises.uscc("370702"), "370702"));
        await().atMost(WAIT).until(() -> copies("archive", "enterprises", later).size() == 1);
        assertThat(local.resolve(name)).exists();
        assertThat(registry.find(uscc)).isEmpty();
        // the feed's consumer health follows the SFTP inbox's polls
        assertThat(feedHealth.health("enterprises").getStatus().getCode()).isEqualTo("UP");

        JsonNode feeds = hub.getJson("supervisor", "/api/dashboard").path("feeds");
        assertThat(transports(feeds, "enterprises")).containsExactly("SFTP", "DATABASE");
        assertThat(transports(feeds, "payment-instructions")).containsExactly("SFTP", "DATABASE");
        assertThat(transports(feeds, "progress-reports")).containsExactly("FOLDER");
        String page = hub.call("supervisor", org.springframework.http.HttpMethod.GET, "/dashboard", null).getBody();
        assertThat(page).contains("data-transport=\"SFTP\"");
    }

    private static List<String> transports(JsonNode feeds, String feed) {
        for (JsonNode f : feeds) {
            if (f.path("feed").asText().equals(feed)) {
                return java.util.stream.StreamSupport.stream(f.path("transports").spliterator(), false)
                        .map(JsonNode::asText).toList();
            }
        }
        throw new AssertionError("no feed " + feed + " on the dashboard");
    }

    @Test
    void anOutboxBatchWaitingForAStoppedServerIsUploadedOnceWhenItReturns() throws IOException {
        String paymentId = "PAY-BACKOFF-" + UUID.randomUUID().toString().substring(0, 8);
        SERVER.stop();
        try {
            addPayment(paymentId);
            await().atMost(WAIT).until(() -> sftp.downReason("payment-instructions").isPresent());
            assertThat(sftp.health().getStatus().getCode()).isEqualTo("DOWN");
        } finally {
            SERVER.start();
        }
        await().atMost(WAIT).until(() -> !batchesOf(paymentId, ".csv.done").isEmpty());
        assertThat(batchesOf(paymentId, ".csv")).as("one file with the payment").hasSize(1);
        String file = batchesOf(paymentId, ".csv").get(0);
        await().atMost(WAIT).until(() -> sftp.downReason("payment-instructions").isEmpty());
        await().atMost(WAIT).until(() -> feedLog.recent("payment-instructions", 100).stream()
                .anyMatch(e -> e.fileName().equals(file)));
        assertThat(feedLog.recent("payment-instructions", 100)).filteredOn(e -> e.fileName().equals(file))
                .as("written once").hasSize(1);
        assertThat(names("outbox", "payment-instructions")).noneMatch(n -> n.startsWith(".writing-"));
    }

    /** The outbox files on the server with this name ending whose batch carries the payment. */
    private List<String> batchesOf(String paymentId, String ending) throws IOException {
        return names("outbox", "payment-instructions").stream().filter(n -> n.endsWith(ending))
                .filter(n -> read("outbox", "payment-instructions", n.endsWith(".done") ? n.replace(".done", "") : n)
                        .contains(paymentId)).toList();
    }

    private void addPayment(String paymentId) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (String column : List.of("payment_id", "application_id", "uscc", "enterprise_name", "policy_code",
                "bank_name", "account_name", "account_no")) {
            item.put(column, paymentId);
        }
        item.put("amount", "100.00");
        item.put("approved_on", "2025-03-01");
        new TransactionTemplate(transactions).executeWithoutResult(s -> outbox.add("payment-instructions", paymentId,
                item));
    }

    private String read(String folder, String feed, String name) {
        try {
            return Files.readString(dir(folder, feed).resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
