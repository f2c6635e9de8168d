package cn.gov.sd.pilotzone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplicationParser;
import cn.gov.sd.pilotzone.award.AwardApplications;
import cn.gov.sd.pilotzone.award.ApplicationStore;
import cn.gov.sd.pilotzone.award.AwardApplicationForm;
import cn.gov.sd.pilotzone.award.Applications;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestEnterprises;
import cn.gov.sd.pilotzone.registry.TestUscc;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;

/**
 * Figure 1, award ingest. The hub side: N application files dropped into {@code inbox/award-applications} at
 * once, timed until every one has its first user task (county review), asked of Flowable. The raw side: the same
 * process started N times straight through {@link RuntimeService} with the variables the intake sets
 * ({@link AwardApplications#startVariables}). Its inputs are made before the clock starts, as the files are: the
 * application records the automated checks read. Every application is valid (a registered enterprise with a
 * fresh USCC, spread over the counties, a fixed-amount policy, an event date in its window), so each reaches
 * county review. The two sides alternate which goes first, so neither always meets the fuller tables.
 */
final class AwardIngest {

    static final String FEED = "award-applications";
    static final String POLICY = "STANDARD_NATIONAL";

    /** One run: both sides' applications per second. */
    record Run(double hubPerSecond, double rawPerSecond) {
        double ratio() {
            return hubPerSecond / rawPerSecond;
        }
    }

    private final BenchHub hub;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> counties;

    AwardIngest(BenchHub hub) {
        this.hub = hub;
        this.counties = hub.bean(BureauDirectory.class).all().stream().map(b -> b.code())
                .filter(c -> c.startsWith(BureauDirectory.COUNTY_PREFIX))
                .map(c -> c.substring(BureauDirectory.COUNTY_PREFIX.length())).sorted().toList();
    }

    Run run(int run, int n) {
        String hubPrefix = "BH" + run + "-";
        String rawPrefix = "BR" + run + "-";
        List<Map<String, Object>> hubApps = applications(hubPrefix, n);
        List<Map<String, Object>> rawApps = applications(rawPrefix, n);
        double hubRate;
        double rawRate;
        if (run % 2 == 0) {
            hubRate = hubSide(hubPrefix, hubApps);
            rawRate = rawSide(rawPrefix, rawApps);
        } else {
            rawRate = rawSide(rawPrefix, rawApps);
            hubRate = hubSide(hubPrefix, hubApps);
        }
        return new Run(hubRate, rawRate);
    }

    /** Applications of new enterprises, registered in the enterprise registry, round-robin over the counties. */
    private List<Map<String, Object>> applications(String prefix, int n) {
        List<Map<String, Object>> apps = new ArrayList<>(n);
        List<Enterprise> enterprises = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String county = counties.get(i % counties.size());
            String uscc = TestUscc.next(county);
            String name = "基准测试企业" + prefix + i + "有限公司";
            Map<String, Object> app = Applications.application(prefix + i, POLICY);
            app.put("uscc", uscc);
            app.put("countyCode", county);
            app.put("enterpriseName", name);
            apps.add(app);
            enterprises.add(TestEnterprises.enterprise(uscc, name, county, "A", true));
        }
        EnterpriseRegistry registry = hub.bean(EnterpriseRegistry.class);
        hub.tx().executeWithoutResult(s -> registry.upsert(enterprises));
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
                Files.move(f, inbox.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            awaitCountyReviews(prefix, apps.size());
            return apps.size() / seconds(start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double rawSide(String prefix, List<Map<String, Object>> apps) {
        ApplicationStore store = hub.bean(ApplicationStore.class);
        AwardApplicationParser parser = hub.bean(AwardApplicationParser.class);
        AwardApplications intake = hub.bean(AwardApplications.class);
        RuntimeService runtime = hub.bean(RuntimeService.class);
        List<AwardApplicationForm> forms = new ArrayList<>();
        for (Map<String, Object> app : apps) {
            try {
                forms.add(parser.parseJson(json.writeValueAsBytes(app)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        hub.tx().executeWithoutResult(s -> forms.forEach(f -> store.insert(f, Channel.APPLY)));
        long start = System.nanoTime();
        for (AwardApplicationForm f : forms) {
            runtime.startProcessInstanceByKey(AwardApplications.PROCESS, f.applicationId(),
                    intake.startVariables(f, Channel.APPLY));
        }
        double seconds = seconds(start);
        long atCounty = countyReviews(prefix);
        if (atCounty != apps.size()) {
            throw new IllegalStateException("raw starts: " + atCounty + " of " + apps.size() + " at county review");
        }
        return apps.size() / seconds;
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

    private long countyReviews(String prefix) {
        return hub.bean(TaskService.class).createTaskQuery().processDefinitionKey(AwardApplications.PROCESS)
                .taskDefinitionKey("countyReview").processInstanceBusinessKeyLike(prefix + "%").count();
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
