package cn.gov.sd.pilotzone.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import cn.gov.sd.pilotzone.monitoring.OperationDataReader.OperationRecord;
import cn.gov.sd.pilotzone.registry.TestUscc;

/**
 * Figure 3, CSV ingest: an {@code operation-data} file of R rows (one month of R enterprises) dropped into the
 * inbox, timed until the feed log records it processed; against a plain JDBC batch insert of the same rows into
 * the same table ({@code operation_data}) in the same run, one transaction, batches of 1,000. Each run takes a
 * new month, and the month's rows are deleted after each side, so both sides write into the same table contents.
 * The plain insert starts from Java values (no file, no parsing): that is what the ratio charges the feed for.
 */
final class CsvIngest {

    static final String FEED = "operation-data";
    private static final int BATCH = 1000;

    /** One run: both sides' rows per second. */
    record Run(double hubPerSecond, double jdbcPerSecond) {
        double ratio() {
            return hubPerSecond / jdbcPerSecond;
        }
    }

    private final BenchHub hub;

    CsvIngest(BenchHub hub) {
        this.hub = hub;
    }

    Run run(int run, int rowCount) throws Exception {
        YearMonth month = YearMonth.of(2031, 1).plusMonths(run);
        List<OperationRecord> rows = rows(month, rowCount);
        double hubRate;
        double jdbcRate;
        if (run % 2 == 0) {
            hubRate = hubSide(run, month, rows);
            jdbcRate = jdbcSide(month, rows);
        } else {
            jdbcRate = jdbcSide(month, rows);
            hubRate = hubSide(run, month, rows);
        }
        return new Run(hubRate, jdbcRate);
    }

    private static List<OperationRecord> rows(YearMonth month, int count) {
        Set<String> usccs = new LinkedHashSet<>();
        String[] counties = {"370702", "370703", "370704", "370705", "370724", "370725", "370781", "370782",
            "370783", "370784", "370785", "370786"};
        while (usccs.size() < count) {
            usccs.add(TestUscc.next(counties[usccs.size() % counties.length]));
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<OperationRecord> rows = new ArrayList<>(count);
        int line = 2;
        for (String uscc : usccs) {
            rows.add(new OperationRecord(line++, uscc, month, money(random, 1_000_000_000L),
                    money(random, 100_000_000L).subtract(BigDecimal.valueOf(20_000_000)), money(random, 50_000_000L),
                    money(random, 30_000_000L)));
        }
        return rows;
    }

    private static BigDecimal money(ThreadLocalRandom random, long maxCents) {
        return BigDecimal.valueOf(random.nextLong(maxCents * 100), 2);
    }

    private double hubSide(int run, YearMonth month, List<OperationRecord> rows) throws IOException {
        String name = "operation-data-bench-" + run + ".csv";
        Path staging = Files.createDirectories(hub.dataDir().resolve("bench-staging")).resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
            w.write("uscc,period,revenue,profit,electricity_kwh,tax\n");
            for (OperationRecord r : rows) {
                w.write(r.uscc() + "," + r.period() + "," + r.revenue().toPlainString() + ","
                        + r.profit().toPlainString() + "," + r.electricityKwh().toPlainString() + ","
                        + r.tax().toPlainString() + "\n");
            }
        }
        Path inbox = Files.createDirectories(hub.dataDir().resolve("inbox").resolve(FEED));
        long start = System.nanoTime();
        Files.move(staging, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        long deadline = start + 900L * 1_000_000_000L;
        while (true) {
            List<Map<String, Object>> logged = hub.jdbc().queryForList(
                    "SELECT status, rows_applied FROM feed_file WHERE feed = ? AND file_name = ?", FEED, name);
            if (!logged.isEmpty()) {
                double seconds = AwardIngest.seconds(start);
                Map<String, Object> entry = logged.get(0);
                int applied = ((Number) entry.get("rows_applied")).intValue();
                if (!"PROCESSED".equals(entry.get("status")) || applied != rows.size()) {
                    throw new IllegalStateException(name + ": " + entry);
                }
                clean(month);
                return rows.size() / seconds;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not processed in 15 minutes");
            }
            AwardIngest.sleep(50);
        }
    }

    private double jdbcSide(YearMonth month, List<OperationRecord> rows) throws SQLException {
        DataSource dataSource = hub.bean(DataSource.class);
        LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC);
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO operation_data (month_no, uscc, period, "
                    + "revenue, profit, electricity_kwh, tax, updated_at) VALUES (?,?,?,?,?,?,?,?)")) {
                int pending = 0;
                for (OperationRecord r : rows) {
                    ps.setInt(1, r.monthNo());
                    ps.setString(2, r.uscc());
                    ps.setString(3, r.period().toString());
                    ps.setBigDecimal(4, r.revenue());
                    ps.setBigDecimal(5, r.profit());
                    ps.setBigDecimal(6, r.electricityKwh());
                    ps.setBigDecimal(7, r.tax());
                    ps.setObject(8, now);
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
        double seconds = AwardIngest.seconds(start);
        clean(month);
        return rows.size() / seconds;
    }

    /** Deletes the month again, so the next side and run write into the same table contents. */
    private void clean(YearMonth month) {
        int monthNo = OperationRecord.monthNo(month);
        hub.jdbc().update("DELETE FROM operation_data WHERE month_no = ?", monthNo);
        hub.jdbc().update("DELETE FROM operation_month WHERE month_no = ?", monthNo);
    }
}
