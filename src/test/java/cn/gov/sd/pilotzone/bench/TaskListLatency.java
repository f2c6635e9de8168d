package cn.gov.sd.pilotzone.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplicationForm;
import cn.gov.sd.pilotzone.award.AwardApplicationParser;
import cn.gov.sd.pilotzone.award.AwardApplications;
import cn.gov.sd.pilotzone.award.ApplicationStore;
import cn.gov.sd.pilotzone.award.Applications;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.registry.TestUscc;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;

/**
 * Figure 4, task-list latency: with at least N open tasks (topped up with award applications started straight
 * through the engine, spread over the counties), C clerks of different bureaus ask for their task list
 * ({@code GET /api/tasks}, the default page) at the same time, each R times back to back; p50 and p95 of all
 * requests of a run. Each clerk logs in once before the clock starts.
 */
final class TaskListLatency {

    /** One run's percentiles, in milliseconds. */
    record Run(double p50, double p95) {
    }

    private final BenchHub hub;
    private final List<Clerk> clerks = new ArrayList<>();

    TaskListLatency(BenchHub hub, int clerkCount) {
        this.hub = hub;
        List<String> bureaus = new ArrayList<>(hub.bean(BureauDirectory.class).all().stream().map(b -> b.code())
                .filter(c -> c.startsWith(BureauDirectory.COUNTY_PREFIX)).sorted().toList());
        bureaus.add("gxj");
        bureaus.add("czj");
        for (int i = 0; i < clerkCount; i++) { // more clerks than bureaus: colleagues of one bureau
            Clerk clerk = new Clerk(bureaus.get(i % bureaus.size()), hub.port());
            clerks.add(clerk.login());
        }
    }

    /** Starts award applications until the engine has at least {@code target} open tasks; the open tasks by group. */
    static Map<String, Long> topUp(BenchHub hub, int target) throws Exception {
        TaskService tasks = hub.bean(TaskService.class);
        long open = tasks.createTaskQuery().count();
        List<String> counties = hub.bean(BureauDirectory.class).all().stream().map(b -> b.code())
                .filter(c -> c.startsWith(BureauDirectory.COUNTY_PREFIX))
                .map(c -> c.substring(BureauDirectory.COUNTY_PREFIX.length())).sorted().toList();
        ObjectMapper json = new ObjectMapper();
        AwardApplicationParser parser = hub.bean(AwardApplicationParser.class);
        ApplicationStore store = hub.bean(ApplicationStore.class);
        AwardApplications intake = hub.bean(AwardApplications.class);
        RuntimeService runtime = hub.bean(RuntimeService.class);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger deadlocks = new AtomicInteger();
        int missing = (int) Math.max(0, target - open);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < missing; i = next.getAndIncrement()) {
                        String county = counties.get(i % counties.size());
                        Map<String, Object> app = Applications.application("BL-" + i, AwardIngest.POLICY);
                        app.put("uscc", TestUscc.next(county));
                        app.put("countyCode", county);
                        AwardApplicationForm form = parser.parseJson(json.writeValueAsBytes(app));
                        for (int attempt = 1; ; attempt++) {
                            try {
                                hub.tx().executeWithoutResult(s -> {
                                    store.insert(form, Channel.APPLY);
                                    runtime.startProcessInstanceByKey(AwardApplications.PROCESS,
                                            form.applicationId(), intake.startVariables(form, Channel.APPLY));
                                });
                                break;
                            } catch (org.springframework.dao.CannotAcquireLockException e) {
                                deadlocks.incrementAndGet(); // counted in the report: the hub should have none
                                if (attempt == 5) {
                                    throw e;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> byGroup = new LinkedHashMap<>();
        byGroup.put("(deadlocks retried while topping up)", (long) deadlocks.get());
        hub.jdbc().query("SELECT l.GROUP_ID_, COUNT(*) FROM ACT_RU_IDENTITYLINK l WHERE l.TYPE_ = 'candidate' "
                + "AND l.TASK_ID_ IS NOT NULL GROUP BY l.GROUP_ID_ ORDER BY l.GROUP_ID_", rs -> {
                    byGroup.put(rs.getString(1), rs.getLong(2));
                });
        return byGroup;
    }

    /**
     * The same list asked by one client alone with HTTP Basic and no session (a client that never logged in keeps
     * no cookie: Basic authentication opens none), back to back: the median, mostly the BCrypt check of each.
     */
    double basicWithoutSession(int requests) {
        Clerk client = new Clerk(clerks.get(0).username(), hub.port());
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = client.get("/api/tasks");
            latencies.add((System.nanoTime() - start) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(client.username() + ": " + r.statusCode());
            }
        }
        return Figure.median(latencies);
    }

    Run run(int requestsPerClerk) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier together = new CyclicBarrier(clerks.size());
        ExecutorService pool = Executors.newFixedThreadPool(clerks.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Clerk clerk : clerks) {
                done.add(pool.submit(() -> {
                    together.await();
                    for (int i = 0; i < requestsPerClerk; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> r = clerk.get("/api/tasks");
                        latencies.add((System.nanoTime() - start) / 1e6);
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(clerk.username() + ": " + r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Run(Figure.percentile(latencies, 50), Figure.percentile(latencies, 95));
    }
}
