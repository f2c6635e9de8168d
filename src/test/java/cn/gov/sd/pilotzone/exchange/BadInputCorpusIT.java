package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.Applications;
import cn.gov.sd.pilotzone.exchange.BadInputCorpus.BadInput;
import cn.gov.sd.pilotzone.exchange.BadInputCorpus.Fixtures;
import cn.gov.sd.pilotzone.exchange.BadInputCorpus.Outcome;
import cn.gov.sd.pilotzone.registry.TestUscc;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flowable.engine.HistoryService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Issue 6 "bad inputs": every kind of {@link BadInputCorpus} is dropped into {@code inbox/<feed>/} through the real
 * routes, one after the other, and must end as the corpus says — in {@code error/<feed>/} with its original bytes,
 * a bilingual {@code .error.txt} with the specific reason, nothing of it applied (the feed's tables as before, no
 * process started); or, for the row-by-row feeds, archived with each bad row listed by line and not applied. The
 * inbox is empty afterwards, and after the whole corpus the hub still serves: health UP and good files processed.
 */
@HubIntegrationTest
@Import(HubClient.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusIT {

    private static final String REJECTED = "文件被拒收，其中任何内容均未入库 / File rejected, nothing in it was applied";
    private static final String SKIPPED = "文件已接收，以下各行未处理 / File accepted; the rows below were skipped";

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Value("${hub.exchange.max-file-size}")
    DataSize maxFileSize;

    private final ObjectMapper json = new ObjectMapper();

    Stream<BadInput> corpus() throws Exception {
        return BadInputCorpus.all(fixtures(), maxFileSize.toBytes()).stream();
    }

    @Test
    @Order(0)
    void corpusHasAtLeastThirtyKindsOverAllSevenFeeds() throws Exception {
        List<BadInput> all = corpus().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all.stream().map(BadInput::feed).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                "award-applications", "recognition-lists", "enterprises", "credit-records", "operation-data",
                "progress-reports", "payment-receipts");
        assertThat(all.stream().map(BadInput::toString).collect(Collectors.toSet())).hasSameSizeAs(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(1)
    void badFileEndsAsTheCorpusSaysWithItsReasonAndNothingBadApplied(BadInput bad) throws Exception {
        Map<String, Object> before = state(bad.feed());
        Set<Path> archived = new HashSet<>(hub.files("archive", bad.feed()));
        Set<Path> errors = new HashSet<>(hub.files("error", bad.feed()));

        hub.drop(bad.feed(), bad.fileName(), bad.content());

        String folder = bad.outcome() == Outcome.REJECTED ? "error" : "archive";
        Set<Path> seen = folder.equals("error") ? errors : archived;
        Path stored = await().atMost(HubClient.WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> newFile(folder, bad.feed(), seen), p -> p != null);
        Path report = hub.dataDir().resolve("error").resolve(bad.feed()).resolve(stored.getFileName() + ".error.txt");
        await().atMost(HubClient.WAIT).until(() -> Files.exists(report));
        String reason = Files.readString(report, StandardCharsets.UTF_8);

        assertThat(Files.readAllBytes(stored)).as("original bytes intact").isEqualTo(bad.content());
        assertThat(reason).startsWith(bad.outcome() == Outcome.REJECTED ? REJECTED : SKIPPED);
        assertThat(reason).as("no raw exception as the reason").doesNotContain("file.failed", "Exception");
        bad.reasons().forEach(r -> assertThat(reason).contains(r));
        assertThat(hub.files("inbox", bad.feed())).as("nothing left in the inbox").isEmpty();
        if (bad.outcome() == Outcome.REJECTED) {
            assertThat(newFile("archive", bad.feed(), archived)).as("not archived as well").isNull();
            assertThat(state(bad.feed())).as("nothing of a rejected file applied").isEqualTo(before);
        } else {
            assertThat(rows(bad.feed())).as("only the good rows applied")
                    .isEqualTo(((Number) before.get("rows")).longValue() + bad.applied());
        }
        bad.absent().forEach(key -> assertThat(exists(bad.feed(), key)).as(key + " not applied").isFalse());
    }

    @Test
    @Order(2)
    void fileLargerThanAnyByteArrayIsRefusedBeforeItIsRead() throws Exception {
        // 3 GB, sparse (no disk used): reading it into memory would fail with an OutOfMemoryError or an array size
        // error, never with this reason, so the reason proves the size was checked first
        long size = 3L * 1024 * 1024 * 1024;
        Path inbox = Files.createDirectories(hub.dataDir().resolve("inbox").resolve("operation-data"));
        Path part = inbox.resolve(".sparse.csv.part");
        try (RandomAccessFile file = new RandomAccessFile(part.toFile(), "rw")) {
            file.write("uscc,period,revenue\n".getBytes(StandardCharsets.UTF_8));
            file.setLength(size);
        }
        Files.setLastModifiedTime(part, FileTime.fromMillis(System.currentTimeMillis() - 5000));
        Files.move(part, inbox.resolve("sparse.csv"), StandardCopyOption.ATOMIC_MOVE);

        String reason = new FeedFiles(hub).awaitRejected("operation-data", "sparse.csv");
        assertThat(reason).startsWith(REJECTED).contains("the file has " + size + " bytes, more than the limit of "
                + maxFileSize.toBytes());
        Path stored = hub.awaitIn("error", "operation-data", "sparse.csv");
        assertThat(Files.size(stored)).isEqualTo(size);
        Files.delete(stored);
    }

    @Test
    @Order(3)
    void hubKeepsServingAfterTheCorpus() throws Exception {
        assertThat(hub.call(null, HttpMethod.GET, "/actuator/health", null).getBody()).contains("\"UP\"");

        String uscc = TestUscc.next("370705");
        FeedFiles files = new FeedFiles(hub);
        String enterprises = FeedFiles.unique("good-enterprises", "csv");
        files.drop("enterprises", enterprises, FeedFiles.utf8("uscc,enterprise_name,county_code",
                uscc + ",潍坊奎文好公司,370705"));
        assertThat(files.awaitArchived("enterprises", enterprises)).isEmpty();
        assertThat(exists("enterprises", uscc)).isTrue();

        String list = FeedFiles.unique("good-list", "csv");
        files.drop("recognition-lists", list, FeedFiles.utf8("uscc,enterprise_name,policy_code,recognized_on",
                uscc + ",潍坊奎文好公司,SINGLE_CHAMPION_NATIONAL,2024-05-01"));
        assertThat(files.awaitArchived("recognition-lists", list)).isEmpty();
        assertThat(exists("recognition-lists", "AUTO-" + uscc + "-SINGLE_CHAMPION_NATIONAL-2024")).isTrue();

        String credit = FeedFiles.unique("good-credit", "csv");
        files.drop("credit-records", credit, FeedFiles.utf8("uscc,enterprise_name,record_type,listed_on,removed_on",
                uscc + ",潍坊奎文好公司,质量失信,2020-01-01,2020-06-30"));
        assertThat(files.awaitArchived("credit-records", credit)).isEmpty();
        assertThat(exists("credit-records", uscc)).isTrue();

        String operation = FeedFiles.unique("good-operation", "csv");
        files.drop("operation-data", operation, FeedFiles.utf8("uscc,period,revenue", uscc + ",2024-03,1000000"));
        assertThat(files.awaitArchived("operation-data", operation)).isEmpty();
        assertThat(exists("operation-data", uscc + "|2024-03")).isTrue();

        Map<String, Object> app = Applications.fresh("STANDARD_NATIONAL");
        String name = app.get("applicationId") + ".json";
        files.drop("award-applications", name, json.writeValueAsBytes(app));
        assertThat(files.awaitArchived("award-applications", name)).isEmpty();
        assertThat(exists("award-applications", (String) app.get("applicationId"))).isTrue();
    }

    // ---- fixtures: an application already filed, a payment instruction waiting for its receipt ----

    private Fixtures fixtures;

    private Fixtures fixtures() throws Exception {
        if (fixtures != null) {
            return fixtures;
        }
        Map<String, Object> app = Applications.fresh("STANDARD_NATIONAL");
        String id = (String) app.get("applicationId");
        byte[] content = json.writeValueAsBytes(app);
        hub.drop("award-applications", id + ".json", content);
        hub.awaitIn("archive", "award-applications", id + ".json");
        // the instruction is written directly, not through the process: the receipts under test must be refused
        // before anything looks at the process, and an outbox item would leak into other tests' payment batches
        String paymentId = "PAY-CORPUS-" + id;
        LocalDateTime now = LocalDateTime.now();
        jdbc.update("INSERT INTO payment_instruction (payment_id, application_id, uscc, enterprise_name, policy_code, "
                        + "amount, status, created_at, updated_at) VALUES (?,?,?,?,?,?,'ISSUED',?,?)", paymentId, id,
                app.get("uscc"), app.get("enterpriseName"), "STANDARD_NATIONAL", new BigDecimal("100000.00"), now, now);
        fixtures = new Fixtures(id, content, paymentId);
        return fixtures;
    }

    // ---- what a feed has applied ----

    /** A fingerprint of what the feed writes: row counts and the latest change. */
    private Map<String, Object> state(String feed) {
        return switch (feed) {
            case "award-applications", "recognition-lists" -> Map.of("rows", rows(feed),
                    "processes", history.createHistoricProcessInstanceQuery().processDefinitionKey("awardApplication").count());
            case "enterprises", "credit-records", "operation-data", "payment-receipts" -> Map.of("rows", rows(feed),
                    "changed", String.valueOf(jdbc.queryForObject("SELECT MAX(updated_at) FROM " + table(feed),
                            Object.class)));
            case "progress-reports" -> Map.of("rows", rows(feed));
            default -> throw new IllegalArgumentException(feed);
        };
    }

    private long rows(String feed) {
        String where = feed.equals("payment-receipts") ? " WHERE status <> 'ISSUED'" : "";
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table(feed) + where, Long.class);
    }

    private static String table(String feed) {
        return switch (feed) {
            case "award-applications", "recognition-lists" -> "award_application";
            case "enterprises" -> "enterprise";
            case "credit-records" -> "credit_record";
            case "operation-data" -> "operation_data";
            case "progress-reports" -> "zone_report";
            case "payment-receipts" -> "payment_instruction";
            default -> throw new IllegalArgumentException(feed);
        };
    }

    /** Whether the key (application id, uscc, uscc|period) was applied by the feed. */
    private boolean exists(String feed, String key) {
        return switch (feed) {
            case "award-applications", "recognition-lists" -> count("SELECT COUNT(*) FROM award_application WHERE "
                    + "application_id = ?", key) + history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(key).count() > 0;
            case "enterprises" -> count("SELECT COUNT(*) FROM enterprise WHERE uscc = ?", key) > 0;
            case "credit-records" -> count("SELECT COUNT(*) FROM credit_record WHERE uscc = ?", key) > 0;
            case "operation-data" -> count("SELECT COUNT(*) FROM operation_data WHERE uscc = ? AND period = ?",
                    key.split("\\|")[0], key.split("\\|")[1]) > 0;
            default -> throw new IllegalArgumentException(feed);
        };
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** The one file (not a report) that appeared in the folder since {@code before}, or null. */
    private Path newFile(String folder, String feed, Set<Path> before) {
        try (Stream<Path> files = Files.list(hub.dataDir().resolve(folder).resolve(feed))) {
            List<Path> fresh = files.filter(p -> !before.contains(p))
                    .filter(p -> !p.getFileName().toString().endsWith(".error.txt")).toList();
            assertThat(fresh).as("one new file in " + folder).hasSizeLessThanOrEqualTo(1);
            return fresh.isEmpty() ? null : fresh.get(0);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
