package cn.gov.sd.pilotzone.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.gov.sd.pilotzone.registry.BureauDirectory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Figure 2, task completion, two sides in one run. The hub: applications waiting at county review (left by the
 * ingest figure's hub side) driven through county, city (gxj) and finance (czj) review with
 * {@code POST /api/tasks/{id}/complete} as the right clerk, {@value #WORKERS} clerks at once (one application at a
 * time each). The next task's id is looked up next to the engine with the raw side's own query (by process instance
 * and step), standing in for the clerk opening the case; the county clerk is the application's county's. The raw side: as many applications of the ingest figure's raw side driven
 * through the same three reviews straight through {@code TaskService.complete} with the variables an approval
 * sets, on {@value #WORKERS} threads in the hub's process. The sides alternate which goes first.
 */
final class TaskCompletion {

    static final int WORKERS = 4;
    private static final List<String> STEPS = List.of("countyReview", "cityReview", "financeReview");
    private static final String COMMENT = "基准测试：材料齐全，同意";
    private static final String APPROVE = "{\"decision\":\"approve\",\"comment\":\"" + COMMENT + "\"}";

    /**
     * One run: tasks per second of each side, and the CPU time per task each side used in the hub's process and in
     * the clients' (this) process: on a machine shared with other work, CPU time says what the rate alone cannot.
     */
    record Run(double hubPerSecond, double rawPerSecond, Cpu hubCpu, Cpu rawCpu) {
        double ratio() {
            return hubPerSecond / rawPerSecond;
        }

        /** What the hub adds to a completion, in CPU ms of its process per task. */
        double overheadCpu() {
            return hubCpu.hubMs() - rawCpu.hubMs();
        }
    }

    /** CPU ms per task completed, in the hub's process and in the clients'. */
    record Cpu(double hubMs, double clientsMs) {
        @Override
        public String toString() {
            return String.format("%.1f ms in the hub, %.1f ms in the clients", hubMs, clientsMs);
        }
    }

    private final BenchHub hub;
    private final Map<String, Clerk> clerks = new ConcurrentHashMap<>();

    TaskCompletion(BenchHub hub) {
        this.hub = hub;
        // each clerk's first request logs in (one BCrypt check); outside the clock, as the start of a work day
        AwardIngest.counties(hub).forEach(c -> clerk(BureauDirectory.COUNTY_PREFIX + c).login());
        clerk("gxj").login();
        clerk("czj").login();
    }

    Run run(int run, int count) throws Exception {
        double hubRate;
        double rawRate;
        Cpu hubCpu;
        Cpu rawCpu;
        int tasks = count * STEPS.size();
        String hubPrefix = AwardIngest.prefixes(run).get(0);
        String rawPrefix = AwardIngest.prefixes(run).get(1);
        if (run % 2 == 0) {
            long[] cpu = cpu();
            hubRate = hubSide(hubPrefix, count);
            hubCpu = cpuSince(cpu, tasks);
            cpu = cpu();
            rawRate = rawSide(rawPrefix, count);
            rawCpu = cpuSince(cpu, tasks);
        } else {
            long[] cpu = cpu();
            rawRate = rawSide(rawPrefix, count);
            rawCpu = cpuSince(cpu, tasks);
            cpu = cpu();
            hubRate = hubSide(hubPrefix, count);
            hubCpu = cpuSince(cpu, tasks);
        }
        return new Run(hubRate, rawRate, hubCpu, rawCpu);
    }

    private long[] cpu() {
        return new long[] {Machine.cpuMillis(hub.pid()), Machine.cpuMillis(ProcessHandle.current().pid())};
    }

    private Cpu cpuSince(long[] start, int tasks) {
        long[] now = cpu();
        return new Cpu((now[0] - start[0]) / (double) tasks, (now[1] - start[1]) / (double) tasks);
    }

    private double rawSide(String prefix, int count) {
        JsonNode r = hub.agent("rawComplete", Map.of("prefix", prefix, "count", count, "threads", WORKERS,
                "comment", COMMENT));
        return r.get("completed").asDouble() / r.get("seconds").asDouble();
    }

    /** Tasks completed per second through the API, driving {@code count} applications of the given ingest prefix. */
    double hubSide(String prefix, int count) throws Exception {
        ConcurrentLinkedQueue<Application> queue = new ConcurrentLinkedQueue<>();
        hub.query("SELECT process_instance_id, county_code FROM award_application WHERE application_id LIKE ? "
                + "ORDER BY application_id", prefix + "%").forEach(r -> {
                    if (queue.size() < count) {
                        queue.add(new Application(r.get("process_instance_id").asText(),
                                BureauDirectory.countyGroup(r.get("county_code").asText())));
                    }
                });
        if (queue.size() < count) {
            throw new IllegalStateException("only " + queue.size() + " applications at county review");
        }
        // clerks start the day logged in (a session each, as in the web UI), before the clock: HTTP Basic on every
        // request would measure a BCrypt check per completion (figure 7 measures that), not the hub
        AwardIngest.counties(hub).forEach(county -> clerk(BureauDirectory.countyGroup(county)));
        clerk("gxj");
        clerk("czj");
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                done.add(pool.submit(() -> {
                    int completed = 0;
                    for (Application a = queue.poll(); a != null; a = queue.poll()) {
                        completed += drive(a);
                    }
                    return completed;
                }));
            }
            int completed = 0;
            for (Future<Integer> f : done) {
                completed += f.get();
            }
            return completed / AwardIngest.seconds(start);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Application(String processInstanceId, String countyGroup) {
    }

    /** Drives one application through the three reviews as their clerks; the tasks completed. */
    private int drive(Application application) {
        for (String step : STEPS) {
            JsonNode task = hub.agent("nextTask", Map.of("processInstanceId", application.processInstanceId(),
                    "step", step));
            if (!task.has("taskId")) {
                throw new IllegalStateException("no " + step + " task for " + application.processInstanceId());
            }
            String user = switch (step) {
                case "countyReview" -> application.countyGroup();
                case "cityReview" -> "gxj";
                default -> "czj";
            };
            String path = "/api/tasks/" + task.get("taskId").asText() + "/complete";
            HttpResponse<String> r = clerk(user).post(path, APPROVE);
            for (int attempt = 1; r.statusCode() == 409 && attempt < 5; attempt++) {
                r = clerk(user).post(path, APPROVE);
            }
            if (r.statusCode() != 204) {
                throw new IllegalStateException(step + " as " + user + ": " + r.statusCode() + " " + r.body());
            }
        }
        return STEPS.size();
    }

    private Clerk clerk(String username) {
        return clerks.computeIfAbsent(username, u -> new Clerk(u, hub.port()).login());
    }
}
