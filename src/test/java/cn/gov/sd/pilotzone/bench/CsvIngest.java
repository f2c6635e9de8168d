package cn.gov.sd.pilotzone.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.sd.pilotzone.monitoring.OperationDataReader.OperationRecord;
import cn.gov.sd.pilotzone.registry.TestUscc;

/**
 * Figure 3, CSV ingest: an {@code operation-data} file of R rows (one month of R enterprises) dropped into the
 * inbox, timed until the feed log records it processed; then the same month sent again with other figures (a
 * re-sent month: every row replaces a stored one), timed the same way. Against a plain JDBC batch of the same rows
 * into the same table ({@code operation_data}) in the same run, in the hub's process, one transaction, batches of
 * 1,000: an insert for the new month, and for the re-sent month a {@code DELETE} of the month followed by the insert
 * (the plain way to replace a month). The plain side starts from Java values (the file parsed before its clock
 * starts): that is what the ratio charges the feed for. Each run takes a new month, deleted after each side, so
 * both sides write into the same table contents.
 */
final class CsvIngest {

    static final String FEED = "operation-data";

    /** One run: rows per second of each side, for a new month and for the same month re-sent. */
    record Run(double hubNew, double jdbcNew, double hubResent, double jdbcResent) {
        double ratioNew() {
            return hubNew / jdbcNew;
        }

        double ratioResent() {
            return hubResent / jdbcResent;
        }
    }

    private final BenchHub hub;

    CsvIngest(BenchHub hub) {
        this.hub = hub;
    }

    Run run(int run, int rowCount) throws Exception {
        YearMonth month = YearMonth.of(2031, 1).plusMonths(run);
        Set<String> usccs = usccs(rowCount);
        Path staging = Files.createDirectories(hub.dataDir().resolve("bench-staging"));
        Path first = write(staging.resolve("operation-data-bench-" + run + ".csv"), month, usccs);
        Path again = write(staging.resolve("operation-data-bench-" + run + "-resent.csv"), month, usccs);
        double[] hubRates;
        double[] jdbcRates;
        if (run % 2 == 0) {
            hubRates = hubSide(month, first, again, rowCount);
            jdbcRates = jdbcSide(month, first, again, rowCount);
        } else {
            jdbcRates = jdbcSide(month, first, again, rowCount);
            hubRates = hubSide(month, first, again, rowCount);
        }
        Files.deleteIfExists(first);
        Files.deleteIfExists(again);
        return new Run(hubRates[0], jdbcRates[0], hubRates[1], jdbcRates[1]);
    }

    private static Set<String> usccs(int count) {
        Set<String> usccs = new LinkedHashSet<>();
        String[] counties = {"370702", "370703", "370704", "370705", "370724", "370725", "370781", "370782",
            "370783", "370784", "370785", "370786"};
        while (usccs.size() < count) {
            usccs.add(TestUscc.next(counties[usccs.size() % counties.length]));
        }
        return usccs;
    }

    private static Path write(Path file, YearMonth month, Set<String> usccs) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("uscc,period,revenue,profit,electricity_kwh,tax\n");
            for (String uscc : usccs) {
                w.write(uscc + "," + month + "," + money(random, 1_000_000_000L).toPlainString() + ","
                        + money(random, 100_000_000L).subtract(BigDecimal.valueOf(20_000_000)).toPlainString() + ","
                        + money(random, 50_000_000L).toPlainString() + "," + money(random, 30_000_000L).toPlainString()
                        + "\n");
            }
        }
        return file;
    }

    private static BigDecimal money(ThreadLocalRandom random, long maxCents) {
        return BigDecimal.valueOf(random.nextLong(maxCents * 100), 2);
    }

    /** The feed's rows per second for the new month and the re-sent one. */
    private double[] hubSide(YearMonth month, Path first, Path again, int rows) throws IOException {
        double fresh = drop(first, "new", rows);
        double resent = drop(again, "resent", rows);
        clean(month);
        return new double[] {fresh, resent};
    }

    private double drop(Path file, String kind, int rows) throws IOException {
        Path inbox = Files.createDirectories(hub.dataDir().resolve("inbox").resolve(FEED));
        // the feed moves the file away: it gets a copy, the plain side reads the original
        String name = file.getFileName().toString().replace(".csv", "-" + kind + "-hub.csv");
        Path copy = Files.copy(file, file.resolveSibling(name), StandardCopyOption.REPLACE_EXISTING);
        long start = System.nanoTime();
        AwardIngest.announce(Files.move(copy, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE));
        long deadline = start + 900L * 1_000_000_000L;
        while (true) {
            JsonNode logged = hub.query("SELECT status, rows_applied FROM feed_file WHERE feed = ? AND file_name = ?",
                    FEED, name);
            if (!logged.isEmpty()) {
                double seconds = AwardIngest.seconds(start);
                JsonNode entry = logged.get(0);
                if (!"PROCESSED".equals(entry.get("status").asText()) || entry.get("rows_applied").asInt() != rows) {
                    throw new IllegalStateException(name + ": " + entry);
                }
                return rows / seconds;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not processed in 15 minutes");
            }
            AwardIngest.sleep(50);
        }
    }

    private double[] jdbcSide(YearMonth month, Path first, Path again, int rows) {
        int monthNo = OperationRecord.monthNo(month);
        double fresh = rows / jdbc(first, monthNo, false);
        double resent = rows / jdbc(again, monthNo, true);
        clean(month);
        return new double[] {fresh, resent};
    }

    private double jdbc(Path file, int monthNo, boolean replace) {
        return hub.agent("csvJdbc", Map.of("file", file.toAbsolutePath().toString(), "monthNo", monthNo,
                "replace", replace)).get("seconds").asDouble();
    }

    /** Deletes the month again, so the next side and run write into the same table contents. */
    private void clean(YearMonth month) {
        int monthNo = OperationRecord.monthNo(month);
        hub.update("DELETE FROM operation_data WHERE month_no = ?", monthNo);
        hub.update("DELETE FROM operation_month WHERE month_no = ?", monthNo);
    }
}
