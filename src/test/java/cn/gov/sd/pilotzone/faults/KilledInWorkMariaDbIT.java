package cn.gov.sd.pilotzone.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.FeedFiles;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;

/**
 * Issue 14: a file that was being processed when the hub died is tried a bounded number of times. The hub is killed
 * ({@code kill -9}) each time it is in the middle of a large XLSX (100,000 operation-data rows): after
 * {@code hub.exchange.max-attempts} (3) lives that died in it, the next life moves the file to {@code error/} unread,
 * with its reason, instead of dying on it again.
 */
@Order(5)
class KilledInWorkMariaDbIT extends FaultTest {

    static final String FEED = "operation-data";
    static final String NAME = "large.xlsx";
    static final int MAX_ATTEMPTS = 3;

    @Test
    void aFileInWorkEachTimeTheHubIsKilledGoesToErrorWithItsReasonAfterTheBound() throws Exception {
        Path inbox = Files.createDirectories(dataDir.resolve("inbox").resolve(FEED));
        FeedFiles.largeOperationDataXlsx(inbox.resolve(NAME), 100_000);

        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (HubProcess hub = HubProcess.launch("killed-in-work-" + attempt, dataDir)) {
                awaitInWork(attempt);
                hub.kill();
            }
        }
        try (HubProcess hub = HubProcess.start("killed-in-work-after", dataDir)) {
            Path report = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> errorFiles().stream().filter(p -> p.getFileName().toString()
                            .endsWith("_" + NAME + ".error.txt")).findFirst().orElse(null), Objects::nonNull);
            assertThat(Files.readString(report, StandardCharsets.UTF_8))
                    .contains("the hub stopped " + MAX_ATTEMPTS + " times while it was processing this file");
            assertThat(errorFiles()).anyMatch(p -> p.getFileName().toString().endsWith("_" + NAME));
            assertThat(inbox.resolve(NAME)).doesNotExist();
            assertThat(hub.health()).contains("\"status\":\"UP\"");
        }
    }

    /** The hub has taken the file for the {@code attempt}th time and is still reading or applying it. */
    private void awaitInWork(int attempt) throws Exception {
        // the first life creates the schema as it starts
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(BadSqlGrammarException.class).until(() -> {
            List<Map<String, Object>> claims = FaultDatabase.query(jdbc -> jdbc.queryForList(
                    "SELECT state, attempts FROM inbound_claim WHERE feed = ?", FEED));
            assertThat(claims).as("the file's claim: it was not done with before the kill")
                    .noneMatch(c -> "APPLIED".equals(c.get("state")));
            return claims.stream().anyMatch(c -> ((Number) c.get("attempts")).intValue() == attempt);
        });
        assertThat(errorFiles()).as("not yet rejected").isEmpty();
    }

    private List<Path> errorFiles() throws Exception {
        Path error = dataDir.resolve("error").resolve(FEED);
        if (!Files.isDirectory(error)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(error)) {
            return files.toList();
        }
    }
}
