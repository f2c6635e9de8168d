package cn.gov.sd.pilotzone.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

/**
 * The benchmark of issues 6 and 13, run by {@code mvn -Pbench verify} (never by {@code mvn verify}): on each
 * database in turn, a fresh hub in its own process ({@link BenchHub}: the packaged jar, {@code -Xmx512m}), the
 * clerks in this one; figures 1–6, each the median of several runs with both sides of a ratio measured in the same
 * run, written to {@code target/bench/report.md} and {@code report.json}. It asserts only that every figure could
 * be measured (all applications reached their task, all rows were applied, every page answered 200); whether a
 * target is met is the report's to say. The hub runs with {@code -XX:+ExitOnOutOfMemoryError}: an
 * OutOfMemoryError ends it, and the run, without a complete report.
 */
class HubBenchmark {

    private static final Path DIR = Path.of("target", "bench");

    /**
     * The two file feeds measured are set up as for a sender that announces each file with {@code <name>.done}
     * (docs/intake.md, rule 2): the hub takes such a file at once. Without a marker the hub first waits until the
     * file has been unchanged for the quiet period (10 s): a fixed wait per file, not work, which in a run of a few
     * seconds would be most of what is measured (README "Performance").
     */
    private static final Map<String, String> ANNOUNCED_FEEDS = Map.of(
            "hub.exchange.feeds." + AwardIngest.FEED + ".done-marker", "true",
            "hub.exchange.feeds." + CsvIngest.FEED + ".done-marker", "true");

    /**
     * One benchmark at a time per checkout: a second one would start its hub on the same data folder, deleted and
     * made again under the first hub, which goes on taking the new hub's files into a database of its own (seen
     * once: a run started while the previous one was still removing its warm-up runs reported files rejected that
     * the other hub had taken).
     */
    @Test
    void measuresEachFigureOnEachDatabase() throws Exception {
        try (FileChannel file = FileChannel.open(Files.createDirectories(DIR).resolve(".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = file.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("another benchmark is running in this checkout (" + DIR
                        + "/.lock): wait for it, or run this one from another clone");
            }
            measureAll();
        }
    }

    private static void measureAll() throws Exception {
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
        long started = System.nanoTime();
        try (BenchHub hub = BenchHub.start(db, DIR.resolve("data-" + db.name()), ANNOUNCED_FEEDS)) {
            HubMemory memory = new HubMemory(hub.pid());
            memory.sample("started");
            section.notes.add(String.format("hub (pid %d, JVM `%s`) started in %.1f s; RSS %d MB after start; "
                    + "load average %s", hub.pid(), BenchHub.HUB_JVM_ARGS, AwardIngest.seconds(started),
                    Machine.rssMb(hub.pid()), Machine.loadAverage()));
            if (s.partial()) {
                section.notes.add("partial run: figures " + s.figures() + " only (bench.figures)");
            }
            AwardIngest ingest = new AwardIngest(hub);
            if (s.measures(1)) {
                ingest(ingest, s, section);
                memory.sample("after 1");
                report.write();
            }
            if (s.measures(2)) {
                completion(hub, s, section);
                memory.sample("after 2");
                report.write();
            }
            if (s.measures(1) && s.warmups(1) > 0) {
                section.notes.add(ingest.forget(s.warmups(1)));
                report.write();
            }
            if (s.measures(3)) {
                csv(hub, s, section);
                memory.sample("after 3");
                report.write();
            }
            if (s.measures(4) || s.measures(7)) {
                long topUpStart = System.nanoTime();
                Map<String, Long> open = TaskListLatency.topUp(hub, ingest, s.openTasks());
                section.notes.add(String.format("read latency: %d open tasks by candidate group %s (topped up in %.0f s)",
                        open.entrySet().stream().filter(e -> !e.getKey().startsWith("(")).mapToLong(e -> e.getValue())
                                .sum(), open, AwardIngest.seconds(topUpStart)));
                TaskListLatency latency = new TaskListLatency(hub, s.clerks());
                Map<TaskListLatency.Page, List<TaskListLatency.Run>> empty = Map.of();
                if (s.measures(4)) {
                    empty = reads(latency, s, section);
                }
                if (s.measures(7)) {
                    apiClients(latency, s, section);
                }
                memory.sample("after 4");
                report.write();
                if (s.measures(5) && s.year() > 0) {
                    yearOfData(hub, latency, empty, s, section);
                    memory.sample("after 5");
                    report.write();
                }
            }

            HubMemory.Sample peak = memory.largest();
            section.figures.add(new Figure("6. Peak RSS of the hub process under 1–5", "MB",
                    List.of((double) Machine.peakRssMb(hub.pid())), Figure.atMost(600)));
            section.figures.add(new Figure("6. Heap committed (NMT, largest sample: " + peak.phase() + ")", "MB",
                    List.of((double) peak.heap()), null));
            section.figures.add(new Figure("6. Metaspace and class space committed (same sample)", "MB",
                    List.of((double) peak.classes()), null));
            section.figures.add(new Figure("6. Native rest committed: threads, code, GC, symbols, … (same sample)",
                    "MB", List.of((double) peak.nativeRest()), null));
            section.notes.add("memory samples (NMT committed MB, RSS MB): " + memory.samples());
            section.notes.add("no OutOfMemoryError (the hub runs with -XX:+ExitOnOutOfMemoryError and was alive "
                    + "at the end)");
            section.complete = true;
        } finally {
            report.write();
        }
    }

    private static void ingest(AwardIngest ingest, BenchSettings s, Report.Section section) throws Exception {
        List<AwardIngest.Run> runs = runs(s, section, 1, "1. award ingest", r -> ingest.run(r, s.applications()));
        String n = s.applications() + " ";
        section.figures.add(figure("1. Award ingest, hub: " + n + "files → county review", "applications/s",
                runs, AwardIngest.Run::hubPerSecond, null));
        section.figures.add(figure("1. Award ingest, raw: " + n + "award process starts (RuntimeService)",
                "applications/s", runs, AwardIngest.Run::rawPerSecond, null));
        section.figures.add(figure("1. Award ingest, ratio hub/raw", "", runs, AwardIngest.Run::ratio,
                Figure.atLeast(0.9)));
        section.figures.add(figure("1. Award ingest, raw on " + ingest.atOnce + " threads (as many at once as the "
                + "intake applies files)", "applications/s", runs, AwardIngest.Run::rawAtOncePerSecond, null));
        section.figures.add(figure("1. Award ingest, ratio hub/raw on " + ingest.atOnce + " threads", "", runs,
                AwardIngest.Run::ratioAtOnce, null));
        section.figures.add(figure("1. Baseline: " + n + "starts of the minimal process (start → one user task)",
                "instances/s", runs, AwardIngest.Run::minimalPerSecond, null));
        section.figures.add(figure("1. Baseline: the minimal process with the award's start variables",
                "instances/s", runs, AwardIngest.Run::minimalWithVariablesPerSecond, null));
        section.figures.add(figure("1. Award process design cost: a raw award start in minimal starts",
                "×", runs, AwardIngest.Run::designCost, null));
        // the hub's own cost per file, in CPU: where the engine's work is cheap (H2), a ratio shrinks with it
        section.figures.add(figure("1. CPU of the hub's process per file through the intake", "ms", runs,
                AwardIngest.Run::hubCpu, null));
        section.figures.add(figure("1. CPU of the hub's process per raw award start", "ms", runs,
                AwardIngest.Run::rawCpu, null));
        section.figures.add(figure("1. The hub's own CPU per file: intake less raw start", "ms", runs,
                AwardIngest.Run::overheadCpu, null));
        runs.forEach(r -> section.notes.add("award ingest, CPU ms of the hub's process per instance: "
                + Report.text(r.hubCpuMs())));
        ingest.rowsPerInstance(0).forEach((side, rows) ->
                section.notes.add("rows per instance at its first user task, " + side + ": " + rows));
    }

    private static void completion(BenchHub hub, BenchSettings s, Report.Section section) throws Exception {
        TaskCompletion completion = new TaskCompletion(hub);
        List<TaskCompletion.Run> runs = runs(s, section, 2, "2. task completion",
                r -> completion.run(r, s.completions()));
        String apps = " (" + s.completions() + " applications × 3 reviews, " + TaskCompletion.WORKERS + " at once)";
        section.figures.add(figure("2. Task completion, hub: the API as clerks" + apps, "tasks/s",
                runs, TaskCompletion.Run::hubPerSecond, null));
        section.figures.add(figure("2. Task completion, raw: TaskService.complete" + apps, "tasks/s",
                runs, TaskCompletion.Run::rawPerSecond, null));
        section.figures.add(figure("2. Task completion, ratio hub/raw", "", runs, TaskCompletion.Run::ratio,
                Figure.atLeast(0.5)));
        section.figures.add(figure("2. CPU of the hub's process per task through the API", "ms", runs,
                r -> r.hubCpu().hubMs(), null));
        section.figures.add(figure("2. CPU of the hub's process per task through TaskService", "ms", runs,
                r -> r.rawCpu().hubMs(), null));
        section.figures.add(figure("2. The hub's own CPU per task: API less TaskService", "ms", runs,
                TaskCompletion.Run::overheadCpu, null));
        section.figures.add(figure("2. CPU of the clients' process per task through the API (same cores)", "ms",
                runs, r -> r.hubCpu().clientsMs(), null));
        runs.forEach(r -> section.notes.add("task completion, CPU per task: hub side " + r.hubCpu() + "; raw side "
                + r.rawCpu()));
    }

    private static void csv(BenchHub hub, BenchSettings s, Report.Section section) throws Exception {
        CsvIngest csv = new CsvIngest(hub);
        List<CsvIngest.Run> runs = runs(s, section, 3, "3. CSV ingest", r -> csv.run(r, s.rows()));
        String rows = s.rows() + " rows";
        section.figures.add(figure("3. CSV ingest, new month: operation-data feed, " + rows, "rows/s", runs,
                CsvIngest.Run::hubNew, null));
        section.figures.add(figure("3. CSV ingest, new month: plain JDBC batch insert", "rows/s", runs,
                CsvIngest.Run::jdbcNew, null));
        section.figures.add(figure("3. CSV ingest, new month: ratio feed/JDBC", "", runs,
                CsvIngest.Run::ratioNew, Figure.atLeast(0.5)));
        section.figures.add(figure("3. CSV ingest, re-sent month: operation-data feed, " + rows, "rows/s",
                runs, CsvIngest.Run::hubResent, null));
        section.figures.add(figure("3. CSV ingest, re-sent month: plain JDBC delete + batch insert", "rows/s",
                runs, CsvIngest.Run::jdbcResent, null));
        section.figures.add(figure("3. CSV ingest, re-sent month: ratio feed/JDBC", "", runs,
                CsvIngest.Run::ratioResent, Figure.atLeast(0.5)));
    }

    private static Map<TaskListLatency.Page, List<TaskListLatency.Run>> reads(TaskListLatency latency, BenchSettings s,
                                                                             Report.Section section) throws Exception {
        String load = " (" + s.clerks() + " clients × " + s.requests() + " requests, " + s.openTasks()
                + " open tasks)";
        Map<TaskListLatency.Page, List<TaskListLatency.Run>> empty = pages(latency, s, section);
        for (var e : empty.entrySet()) {
            section.figures.add(figure("4. " + e.getKey().title + ", p50" + load, "ms", e.getValue(),
                    TaskListLatency.Run::p50, null));
            section.figures.add(figure("4. " + e.getKey().title + ", p95", "ms", e.getValue(),
                    TaskListLatency.Run::p95, Figure.atMost(150)));
        }
        return empty;
    }

    private static void apiClients(TaskListLatency latency, BenchSettings s, Report.Section section)
            throws Exception {
        List<Double> basic = runs(s, section, 7, "7. HTTP Basic", r -> latency.basicWithoutSession(10));
        section.figures.add(new Figure("7. Task list, one client, HTTP Basic without a session "
                + "(a BCrypt check per request), p50", "ms", basic, null));
        List<Double> token = runs(s, section, 7, "7. API token", r -> latency.tokenWithoutSession(10));
        section.figures.add(new Figure("7. Task list, one client, API token without a session, p50", "ms",
                token, null));
    }

    private static void yearOfData(BenchHub hub, TaskListLatency latency,
                                   Map<TaskListLatency.Page, List<TaskListLatency.Run>> empty, BenchSettings s,
                                   Report.Section section) throws Exception {
        section.notes.add(new YearLoad(hub).load(s.year()));
        Map<TaskListLatency.Page, List<TaskListLatency.Run>> year = pages(latency, s, section);
        for (var e : year.entrySet()) {
            List<TaskListLatency.Run> before = empty.get(e.getKey());
            section.figures.add(figure("5. " + e.getKey().title + " with a year of data (" + s.year()
                    + " finished applications), p95", "ms", e.getValue(), TaskListLatency.Run::p95, null));
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < e.getValue().size(); r++) {
                ratios.add(e.getValue().get(r).p95() / before.get(r).p95());
            }
            section.figures.add(new Figure("5. " + e.getKey().title + ", p95 with a year / without", "",
                    ratios, Figure.atMost(1.5)));
        }
    }

    private static Map<TaskListLatency.Page, List<TaskListLatency.Run>> pages(TaskListLatency latency, BenchSettings s,
                                                                             Report.Section section) throws Exception {
        Map<TaskListLatency.Page, List<TaskListLatency.Run>> runs = new EnumMap<>(TaskListLatency.Page.class);
        for (TaskListLatency.Page page : TaskListLatency.Page.values()) {
            runs.put(page, runs(s, section, 4, page.title, r -> latency.run(page, s.requests())));
        }
        return runs;
    }

    /** One run of a figure, numbered from 0 (warm-up runs first). */
    @FunctionalInterface
    interface Measurement<R> {
        R run(int run) throws Exception;
    }

    /** The figure's warm-up runs (listed in the notes, not counted), then its counted runs. */
    private static <R> List<R> runs(BenchSettings s, Report.Section section, int figure, String what,
                                    Measurement<R> measurement) throws Exception {
        List<R> counted = new ArrayList<>();
        int warmups = s.warmups(figure);
        for (int r = 0; r < warmups + s.runs(); r++) {
            R result = measurement.run(r);
            if (r < warmups) {
                section.notes.add(what + ", warm-up run " + (r + 1) + " (not counted): " + Report.brief(result));
            } else {
                counted.add(result);
            }
        }
        return counted;
    }

    private static <R> Figure figure(String title, String unit, List<R> runs, ToDoubleFunction<R> value,
                                     Figure.Target target) {
        return new Figure(title, unit, runs.stream().map(r -> value.applyAsDouble(r)).toList(), target);
    }

    /** NMT samples of the hub process at the end of each figure. */
    static final class HubMemory {

        record Sample(String phase, long rss, long total, long heap, long classes, long nativeRest) {
        }

        private final long pid;
        private final List<Sample> samples = new ArrayList<>();

        HubMemory(long pid) {
            this.pid = pid;
        }

        void sample(String phase) {
            Map<String, Long> nmt = Machine.nativeMemory(pid).orElse(new LinkedHashMap<>());
            long total = nmt.getOrDefault("Total", -1L);
            long heap = nmt.getOrDefault("Java Heap", -1L);
            // NMT's Class category holds the class space; the metaspace proper is its "Metadata" part, counted
            // in the total but not in the category's committed figure (JDK 17)
            long classes = nmt.getOrDefault("Class", -1L) + nmt.getOrDefault("Metaspace", 0L);
            samples.add(new Sample(phase, Machine.rssMb(pid), total, heap, classes,
                    total < 0 ? -1 : total - heap - classes));
        }

        Sample largest() {
            return samples.stream().max(Comparator.comparingLong(Sample::total)).orElseThrow();
        }

        List<Sample> samples() {
            return samples;
        }
    }
}
