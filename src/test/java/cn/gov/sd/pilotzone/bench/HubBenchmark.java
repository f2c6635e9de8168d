package cn.gov.sd.pilotzone.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 6, run by {@code mvn -Pbench verify} (never by {@code mvn verify}): on each database in
 * turn, a fresh hub in this JVM ({@code -Xmx512m}), then figures 1–5, each the median of several runs, written to
 * {@code target/bench/report.md} and {@code report.json}. It asserts only that every figure could be measured (all
 * applications reached their task, all rows were applied); whether a target is met is the report's to say.
 * The JVM runs with {@code -XX:+ExitOnOutOfMemoryError}: an OutOfMemoryError ends the run without a complete report.
 */
class HubBenchmark {

    private static final Path DIR = Path.of("target", "bench");

    @Test
    void measuresEachFigureOnEachDatabase() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Report report = new Report(DIR, Machine.describe(), settings);
        report.write();
        for (String name : settings.databases()) {
            StringBuilder why = new StringBuilder();
            Optional<BenchHub.Database> db = switch (name) {
                case "h2" -> Optional.of(BenchHub.h2());
                case "mariadb" -> BenchHub.mariadb(why);
                default -> throw new IllegalArgumentException("bench.db: unknown database " + name);
            };
            if (db.isEmpty()) {
                report.section(name, "–").skipped = why.toString();
                report.write();
                continue;
            }
            measure(db.get(), settings, report);
        }
        for (Report.Section s : report.sections()) {
            assertTrue(s.skipped != null || s.complete, s.database + " incomplete");
        }
    }

    private static void measure(BenchHub.Database db, BenchSettings s, Report report) throws Exception {
        Report.Section section = report.section(db.name(), db.driver());
        System.gc();
        boolean peakReset = Machine.resetPeak();
        long started = System.nanoTime();
        try (BenchHub hub = BenchHub.start(db, DIR.resolve("data-" + db.name()))) {
            section.notes.add(String.format("hub started in %.1f s; RSS %d MB after start; load average %s",
                    AwardIngest.seconds(started), Machine.rssMb(), Machine.loadAverage()));

            AwardIngest ingest = new AwardIngest(hub);
            List<Double> hubRates = new ArrayList<>();
            List<Double> rawRates = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < s.runs(); r++) {
                AwardIngest.Run run = ingest.run(r, s.applications());
                hubRates.add(run.hubPerSecond());
                rawRates.add(run.rawPerSecond());
                ratios.add(run.ratio());
            }
            section.figures.add(new Figure("1. Award ingest, hub: " + s.applications()
                    + " files → county review", "applications/s", hubRates, null));
            section.figures.add(new Figure("1. Award ingest, raw: RuntimeService starts", "applications/s",
                    rawRates, null));
            section.figures.add(new Figure("1. Award ingest, ratio hub/raw", "", ratios, Figure.atLeast(0.7)));
            report.write();

            TaskCompletion completion = new TaskCompletion(hub);
            List<Double> completed = new ArrayList<>();
            for (int r = 0; r < s.runs(); r++) {
                completed.add(completion.run("BH" + r + "-", s.completions()));
            }
            section.figures.add(new Figure("2. Task completion via the API (" + s.completions()
                    + " applications × 3 reviews, " + TaskCompletion.WORKERS + " clerks at once)", "tasks/s",
                    completed, null));
            report.write();

            CsvIngest csv = new CsvIngest(hub);
            List<Double> feedRates = new ArrayList<>();
            List<Double> jdbcRates = new ArrayList<>();
            List<Double> csvRatios = new ArrayList<>();
            for (int r = 0; r < s.runs(); r++) {
                CsvIngest.Run run = csv.run(r, s.rows());
                feedRates.add(run.hubPerSecond());
                jdbcRates.add(run.jdbcPerSecond());
                csvRatios.add(run.ratio());
            }
            section.figures.add(new Figure("3. CSV ingest, operation-data feed: " + s.rows() + " rows", "rows/s",
                    feedRates, null));
            section.figures.add(new Figure("3. CSV ingest, plain JDBC batch insert", "rows/s", jdbcRates, null));
            section.figures.add(new Figure("3. CSV ingest, ratio feed/JDBC", "", csvRatios, Figure.atLeast(0.5)));
            report.write();

            long topUpStart = System.nanoTime();
            Map<String, Long> open = TaskListLatency.topUp(hub, s.openTasks());
            section.notes.add(String.format("task list: %d open tasks by candidate group %s (topped up in %.0f s)",
                    open.entrySet().stream().filter(e -> !e.getKey().startsWith("(")).mapToLong(e -> e.getValue())
                            .sum(), open, AwardIngest.seconds(topUpStart)));
            TaskListLatency latency = new TaskListLatency(hub, s.clerks());
            List<Double> p50 = new ArrayList<>();
            List<Double> p95 = new ArrayList<>();
            for (int r = 0; r < s.runs(); r++) {
                TaskListLatency.Run run = latency.run(s.requests());
                p50.add(run.p50());
                p95.add(run.p95());
            }
            section.figures.add(new Figure("4. Task list, p50 (" + s.clerks() + " clerks × " + s.requests()
                    + " requests)", "ms", p50, null));
            section.figures.add(new Figure("4. Task list, p95", "ms", p95, Figure.atMost(150)));
            List<Double> basic = new ArrayList<>();
            for (int r = 0; r < s.runs(); r++) {
                basic.add(latency.basicWithoutSession(10));
            }
            section.figures.add(new Figure("4. Task list, one client, HTTP Basic without a session "
                    + "(a BCrypt check per request), p50", "ms", basic, null));

            section.figures.add(new Figure("5. Peak RSS during 1–4 (hub and benchmark clients, one JVM)", "MB",
                    List.of((double) Machine.peakRssMb()), Figure.atMost(800)));
            Machine.nativeMemory().ifPresent(nmt -> {
                Path file = DIR.resolve("native-memory-" + db.name() + ".txt");
                try {
                    java.nio.file.Files.writeString(file, nmt);
                    section.notes.add("native memory at the end (NMT): " + file);
                } catch (java.io.IOException e) {
                    section.notes.add("native memory could not be written: " + e.getMessage());
                }
            });
            if (!peakReset) {
                section.notes.add("peak RSS could not be reset between databases: it is the JVM's peak so far");
            }
            section.notes.add("no OutOfMemoryError (the JVM runs with -XX:+ExitOnOutOfMemoryError); heap max "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
            section.complete = true;
        } finally {
            report.write();
        }
    }
}
