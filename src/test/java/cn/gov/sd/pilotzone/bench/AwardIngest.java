package cn.gov.sd.pilotzone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.award.Applications;
import cn.gov.sd.pilotzone.exchange.ExchangeLayout;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.TestEnterprises;
import cn.gov.sd.pilotzone.registry.TestUscc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Figure 1, award ingest, four sides in one run. The hub: N application files dropped into
 * {@code inbox/award-applications} at once, timed until every one has its first user task (county review). The
 * raw side: the same process started N times straight through {@code RuntimeService} in the hub's process with the
 * intake's own start variables, its application records (which the automated checks read) written before the clock
 * starts, as the files are. The baseline: the minimal process ({@code src/test/resources/bench/minimal-task.bpmn20.xml},
 * start → one user task, same history level) started N times bare, and N times more with the award's start
 * variables: between the three raw sides lies what the award process's design costs per instance. The intake applies
 * several files at once (the feed's workers, config/application.yml); the raw side starts one process after
 * the other, so a fifth side starts as many at once as the intake applies, to show what the workers bring beside
 * what the hub costs. Every application
 * is valid (a registered enterprise with a fresh USCC, spread over the counties, a fixed-amount policy, an event
 * date in its window), so each reaches county review. The sides rotate which goes first, so none always meets the
 * fuller tables.
 */
final class AwardIngest {

    static final String FEED = "award-applications";
    static final String POLICY = "STANDARD_NATIONAL";

    /** One run: applications per second of each side. */
    record Run(double hubPerSecond, double rawPerSecond, double rawAtOncePerSecond, double minimalPerSecond,
               double minimalWithVariablesPerSecond, Map<String, Double> hubCpuMs) {
        double ratio() {
            return hubPerSecond / rawPerSecond;
        }

        /** The hub against raw starts as many at once as the intake applies files. */
        double ratioAtOnce() {
            return hubPerSecond / rawAtOncePerSecond;
        }

        /** The award process's start against the minimal one's: how many times a bare start it costs. */
        double designCost() {
            return minimalPerSecond / rawPerSecond;
        }

        /** CPU ms of the hub's process per file through the intake. */
        double hubCpu() {
            return hubCpuMs.get("hub");
        }

        /** CPU ms of the hub's process per raw award start, one after the other. */
        double rawCpu() {
            return hubCpuMs.get("raw");
        }

        /** What the hub adds to a start, in CPU ms per file: the measure a ratio hides when the engine is cheap. */
        double overheadCpu() {
            return hubCpu() - rawCpu();
        }
    }

    private final BenchHub hub;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> counties;
    /** Every USCC this figure has registered, across runs. */
    private final Set<String> usccs;
    /** How many files the intake applies at the same moment. */
    final int atOnce;

    AwardIngest(BenchHub hub) {
        this.hub = hub;
        this.counties = counties(hub);
        this.usccs = new HashSet<>();
        this.atOnce = hub.agent("intakeAtOnce", Map.of("feed", FEED)).get("atOnce").asInt();
    }

    /** The county codes of the bureaus, from their demo clerks' accounts. */
    static List<String> counties(BenchHub hub) {
        List<String> counties = new ArrayList<>();
        hub.query("SELECT username FROM hub_user WHERE username LIKE ? ORDER BY username",
                BureauDirectory.COUNTY_PREFIX + "%").forEach(
                        r -> counties.add(r.get("username").asText().substring(BureauDirectory.COUNTY_PREFIX.length())));
        if (counties.isEmpty()) {
            throw new IllegalStateException("no county clerks: is hub.demo.enabled on?");
        }
        return counties;
    }

    /** The business-key prefixes of a run's sides: hub, raw, raw at once, minimal, minimal with variables. */
    static List<String> prefixes(int run) {
        return Stream.of("BH", "BR", "BP", "BM", "BV").map(side -> side + run + "-").toList();
    }

    /**
     * Removes the instances of the given runs (and figure 2's, which drives theirs) with the hub's records of
     * them; a line for the report.
     */
    String forget(int runs) {
        List<String> prefixes = IntStream.range(0, runs).boxed().flatMap(r -> prefixes(r).stream()).toList();
        JsonNode gone = hub.agent("forget", Map.of("prefixes", prefixes));
        return String.format(Locale.ROOT, "the %d warm-up runs of figures 1–2 removed before figure 3: %d process "
                + "instances, %d application records, %d task-inbox rows left over by the engine's events "
                + "(%.0f s)", runs, gone.get("instances").asInt(), gone.get("applications").asInt(),
                gone.get("inboxRowsLeftOver").asInt(), gone.get("seconds").asDouble());
    }

    Run run(int run, int n) {
        List<String> prefixes = prefixes(run);
        String hubPrefix = prefixes.get(0);
        String rawPrefix = prefixes.get(1);
        String rawAtOncePrefix = prefixes.get(2);
        List<Map<String, Object>> hubApps = applications(hubPrefix, n);
        List<Map<String, Object>> rawApps = applications(rawPrefix, n);
        List<Map<String, Object>> rawAtOnceApps = applications(rawAtOncePrefix, n);
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, Double> cpu = new TreeMap<>();
        Map<String, Object> variables = variablesOf(rawApps.get(0));
        List<Map.Entry<String, DoubleSupplier>> sides = new ArrayList<>(List.of(
                Map.entry("hub", () -> hubSide(hubPrefix, hubApps)),
                Map.entry("raw", () -> rawSide(rawPrefix, rawApps, 1)),
                Map.entry("rawAtOnce", () -> rawSide(rawAtOncePrefix, rawAtOnceApps, atOnce)),
                Map.entry("minimal", () -> minimalSide(prefixes.get(3), n, Map.of())),
                Map.entry("minimalVars", () -> minimalSide(prefixes.get(4), n, variables))));
        Collections.rotate(sides, run);
        for (Map.Entry<String, DoubleSupplier> side : sides) {
            long before = Machine.cpuMillis(hub.pid());
            rates.put(side.getKey(), side.getValue().getAsDouble());
            cpu.put(side.getKey(), (Machine.cpuMillis(hub.pid()) - before) / (double) n);
        }
        return new Run(rates.get("hub"), rates.get("raw"), rates.get("rawAtOnce"), rates.get("minimal"),
                rates.get("minimalVars"), cpu);
    }

    /** Applications of new enterprises, registered in the enterprise registry, round-robin over the counties. */
    List<Map<String, Object>> applications(String prefix, int n) {
        List<Map<String, Object>> apps = new ArrayList<>(n);
        List<Enterprise> enterprises = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String county = counties.get(i % counties.size());
            String uscc = TestUscc.next(county);
            while (!usccs.add(uscc)) { // random codes: one twice in a batch would fail its upsert
                uscc = TestUscc.next(county);
            }
            String name = "基准测试企业" + prefix + i + "有限公司";
            Map<String, Object> app = Applications.application(prefix + i, POLICY);
            app.put("uscc", uscc);
            app.put("countyCode", county);
            app.put("enterpriseName", name);
            apps.add(app);
            enterprises.add(TestEnterprises.enterprise(uscc, name, county, "A", true));
        }
        hub.agent("enterprises", Map.of("enterprises", enterprises));
        return apps;
    }

    private double hubSide(String prefix, List<Map<String, Object>> apps) {
        try {
            Path staging = Files.createDirectories(hub.dataDir().resolve("bench-staging").resolve(prefix));
            Path inbox = Files.createDirectories(hub.dataDir().resolve("inbox").resolve(FEED));
            List<Path> files = new ArrayList<>();
            for (Map<String, Object> app : apps) {
                Path f = staging.resolve(app.get("applicationId") + ".json");
                json.writeValue(f.toFile(), app);
                files.add(f);
            }
            long start = System.nanoTime();
            for (Path f : files) { // dropped at once: a rename each, as a portal writing elsewhere and moving in
                announce(Files.move(f, inbox.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE));
            }
            awaitCountyReviews(prefix, apps.size());
            return apps.size() / seconds(start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sender's marker after the file (the feed is set up for markers: HubBenchmark). */
    static void announce(Path file) throws IOException {
        Files.createFile(file.resolveSibling(file.getFileName() + ExchangeLayout.DONE_SUFFIX));
    }

    private double rawSide(String prefix, List<Map<String, Object>> apps, int threads) {
        double seconds = hub.agent("rawAwardStarts", Map.of("applications", apps, "threads", threads))
                .get("seconds").asDouble();
        long atCounty = countyReviews(prefix);
        if (atCounty != apps.size()) {
            throw new IllegalStateException("raw starts: " + atCounty + " of " + apps.size() + " at county review");
        }
        return apps.size() / seconds;
    }

    private double minimalSide(String prefix, int n, Map<String, Object> variables) {
        return n / hub.agent("minimalStarts", Map.of("prefix", prefix, "n", n, "variables", variables))
                .get("seconds").asDouble();
    }

    /** The start variables the intake gives an application's process, as the minimal process's second baseline. */
    private Map<String, Object> variablesOf(Map<String, Object> app) {
        JsonNode vars = hub.agent("startVariables", Map.of("application", app));
        return json.convertValue(vars, Map.class);
    }

    /**
     * What one instance leaves in the database on its way to its first user task: rows per instance in each of
     * Flowable's runtime and history tables and the hub's event table, for the award process (hub side) and the
     * minimal one. Rows are the engine's work per instance: each is an INSERT (and some an UPDATE) in the start's
     * transaction.
     */
    Map<String, String> rowsPerInstance(int run) {
        Map<String, String> rows = new LinkedHashMap<>();
        String[][] tables = {
            {"ACT_RU_EXECUTION", "PROC_INST_ID_"}, {"ACT_RU_TASK", "PROC_INST_ID_"}, {"ACT_RU_VARIABLE", "PROC_INST_ID_"},
            {"ACT_RU_IDENTITYLINK", "PROC_INST_ID_"}, {"ACT_RU_ACTINST", "PROC_INST_ID_"},
            {"ACT_HI_PROCINST", "PROC_INST_ID_"}, {"ACT_HI_ACTINST", "PROC_INST_ID_"},
            {"ACT_HI_TASKINST", "PROC_INST_ID_"}, {"ACT_HI_VARINST", "PROC_INST_ID_"},
            {"ACT_HI_IDENTITYLINK", "PROC_INST_ID_"}};
        List<String> prefixes = prefixes(run);
        String[][] sides = {{"award (hub)", prefixes.get(0) + "%"}, {"minimal", prefixes.get(3) + "%"},
            {"minimal + award variables", prefixes.get(4) + "%"}};
        for (String[] side : sides) {
            long instances = hub.count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE ?", side[1]);
            StringBuilder line = new StringBuilder();
            for (String[] t : tables) {
                long n = hub.count("SELECT COUNT(*) FROM " + t[0] + " x JOIN ACT_HI_PROCINST p ON p.ID_ = x." + t[1]
                        + " WHERE p.BUSINESS_KEY_ LIKE ?", side[1]);
                // task candidate links carry the task, not always the instance
                if (t[0].equals("ACT_RU_IDENTITYLINK") || t[0].equals("ACT_HI_IDENTITYLINK")) {
                    n += hub.count("SELECT COUNT(*) FROM " + t[0] + " x JOIN ACT_HI_TASKINST k ON k.ID_ = x.TASK_ID_ "
                            + "JOIN ACT_HI_PROCINST p ON p.ID_ = k.PROC_INST_ID_ WHERE p.BUSINESS_KEY_ LIKE ? "
                            + "AND x.PROC_INST_ID_ IS NULL", side[1]);
                }
                line.append(t[0]).append(' ').append(String.format(Locale.ROOT, "%.1f",
                        instances == 0 ? 0.0 : (double) n / instances)).append("; ");
            }
            if (side[0].startsWith("award")) {
                long events = hub.count("SELECT COUNT(*) FROM application_event WHERE application_id LIKE ?", side[1]);
                line.append("application_event ").append(String.format(Locale.ROOT, "%.1f",
                        instances == 0 ? 0.0 : (double) events / instances));
            }
            rows.put(side[0], line.toString());
        }
        return rows;
    }

    private void awaitCountyReviews(String prefix, int n) throws IOException {
        long deadline = System.nanoTime() + (600L + n / 2) * 1_000_000_000L;
        Path error = hub.dataDir().resolve("error").resolve(FEED);
        while (countyReviews(prefix) < n) {
            if (Files.isDirectory(error)) {
                try (Stream<Path> rejected = Files.list(error)) {
                    Path first = rejected.filter(p -> p.toString().endsWith(".error.txt")).findFirst().orElse(null);
                    if (first != null) {
                        throw new IllegalStateException("an application file was rejected: " + Files.readString(first));
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + countyReviews(prefix) + " of " + n + " at county review");
            }
            sleep(100);
        }
    }

    long countyReviews(String prefix) {
        return hub.count("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_ "
                + "WHERE t.TASK_DEF_KEY_ = 'countyReview' AND p.BUSINESS_KEY_ LIKE ?", prefix + "%");
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
