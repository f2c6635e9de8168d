package cn.gov.sd.pilotzone.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.gov.sd.pilotzone.registry.TestEnterprises;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;

/**
 * A re-sent month is deleted as soon as the file's first chunk shows it is one, and written again as the file is read
 * (monitoring/OperationDataStore): all in the file's transaction. The hub is killed ({@code kill -9}) half-way
 * through a re-sent month of 100,000 rows, when another connection reading uncommitted data sees the month's stored
 * rows gone and half of the new ones written: the stored month must be there whole, and the file applied once
 * after the restart.
 */
@Order(6)
class ResentMonthKilledMariaDbIT extends FaultTest {

    static final String FEED = "operation-data";
    static final String PERIOD = "2030-01";
    static final int ROWS = 100_000;

    @Test
    void aHubKilledWhileReplacingAResentMonthLeavesTheStoredMonthWholeAndAppliesTheFileAfterItsRestart()
            throws Exception {
        Path inbox = Files.createDirectories(dataDir.resolve("inbox").resolve(FEED));
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            usccs.add(TestEnterprises.uscc("370705"));
        }
        try (HubProcess hub = HubProcess.start("resent-month-1", dataDir)) {
            drop(inbox, "month.csv", usccs, "1");
            awaitCommitted("1", ROWS);
            drop(inbox, "month-again.csv", usccs, "2");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                    .until(() -> uncommitted("2") > 0 && uncommitted("2") < ROWS / 2);
            assertThat(uncommitted("1")).as("the stored month, deleted in the file's transaction").isZero();
            hub.kill();
        }
        assertThat(committed("1")).as("the stored month after the kill").isEqualTo(ROWS);
        assertThat(committed("2")).isZero();

        try (HubProcess hub = HubProcess.start("resent-month-2", dataDir)) {
            awaitCommitted("2", ROWS);
            assertThat(committed("1")).isZero();
            assertThat(FaultDatabase.count("SELECT COUNT(*) FROM operation_data WHERE period = '" + PERIOD + "'"))
                    .isEqualTo(ROWS);
            assertThat(FaultDatabase.count("SELECT COUNT(*) FROM feed_file WHERE feed = '" + FEED
                    + "' AND file_name = 'month-again.csv' AND status = 'PROCESSED'")).isEqualTo(1);
        }
    }

    /** The month's file with one revenue for all, renamed into the inbox once written. */
    private void drop(Path inbox, String name, List<String> usccs, String revenue) throws IOException {
        Path staging = dataDir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
            w.write("uscc,period,revenue\n");
            for (String uscc : usccs) {
                w.write(uscc + "," + PERIOD + "," + revenue + "\n");
            }
        }
        Files.move(staging, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitCommitted(String revenue, int rows) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(BadSqlGrammarException.class).until(() -> committed(revenue) == rows);
    }

    private static int committed(String revenue) throws SQLException {
        return FaultDatabase.count("SELECT COUNT(*) FROM operation_data WHERE period = '" + PERIOD
                + "' AND revenue = " + revenue);
    }

    /** What the hub's open transaction has written so far, read without waiting for its commit. */
    private static int uncommitted(String revenue) throws SQLException {
        return FaultDatabase.query(jdbc -> {
            jdbc.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
            return jdbc.queryForObject("SELECT COUNT(*) FROM operation_data WHERE period = '" + PERIOD
                    + "' AND revenue = " + revenue, Integer.class);
        });
    }
}
