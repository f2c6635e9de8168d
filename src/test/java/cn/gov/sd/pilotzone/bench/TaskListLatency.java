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
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.sd.pilotzone.registry.BureauDirectory;

/**
 * Figure 4, read latency under load: with at least N open tasks (topped up with award applications started next
 * to the engine, spread over the counties), C clerks in the benchmark's process (the hub runs in its own) ask for
 * one page at the same time, each R times back to back; p50 and p95 of all requests of a run. The pages: the task
 * list ({@code GET /api/tasks}), the application list ({@code GET /api/award-applications}), the case page of an
 * application of the clerk's county ({@code GET /applications/{id}}), all as clerks of the county bureaus, gxj and
 * czj; and the dashboard ({@code GET /api/dashboard}) as as many supervisors. Each clerk logs in once before the
 * clock starts.
 */
final class TaskListLatency {

    /** One run's percentiles, in milliseconds. */
    record Run(double p50, double p95) {
    }

    /** The pages measured, each with the path a clerk asks for. */
    enum Page {
        TASK_LIST("task list", c -> "/api/tasks"),
        APPLICATION_LIST("application list", c -> "/api/award-applications"),
        CASE_PAGE("case page", c -> "/applications/" + c.caseId),
        DASHBOARD("dashboard", c -> "/api/dashboard");

        final String title;
        final Function<Seat, String> path;

        Page(String title, Function<Seat, String> path) {
            this.title = title;
            this.path = path;
        }
    }

    /** A clerk and the application whose case page they open. */
    private record Seat(Clerk clerk, String caseId) {
    }

    private final BenchHub hub;
    private final List<Seat> clerks = new ArrayList<>();
    private final List<Seat> supervisors = new ArrayList<>();

    TaskListLatency(BenchHub hub, int clerkCount) {
        this.hub = hub;
        List<String> bureaus = new ArrayList<>(AwardIngest.counties(hub).stream()
                .map(c -> BureauDirectory.COUNTY_PREFIX + c).toList());
        bureaus.add("gxj");
        bureaus.add("czj");
        for (int i = 0; i < clerkCount; i++) { // more clerks than bureaus: colleagues of one bureau
            String bureau = bureaus.get(i % bureaus.size());
            clerks.add(new Seat(new Clerk(bureau, hub.port()).login(), caseOf(bureau, i)));
            supervisors.add(new Seat(new Clerk("supervisor", hub.port()).login(), null));
        }
    }

    /** An open application the bureau's clerk may see: of its county, or any for the city bureaus. */
    private String caseOf(String bureau, int i) {
        JsonNode rows = bureau.startsWith(BureauDirectory.COUNTY_PREFIX)
                ? hub.query("SELECT application_id FROM award_application WHERE county_code = ? AND status = 'IN_REVIEW' "
                        + "ORDER BY application_id", bureau.substring(BureauDirectory.COUNTY_PREFIX.length()))
                : hub.query("SELECT application_id FROM award_application WHERE status = 'IN_REVIEW' "
                        + "ORDER BY application_id");
        if (rows.isEmpty()) {
            throw new IllegalStateException("no application in review for " + bureau);
        }
        return rows.get(i % rows.size()).get("application_id").asText();
    }

    /** Starts award applications until the engine has at least {@code target} open tasks; the open tasks by group. */
    static Map<String, Long> topUp(BenchHub hub, AwardIngest ingest, int target) {
        long open = hub.count("SELECT COUNT(*) FROM ACT_RU_TASK");
        int missing = (int) Math.max(0, target - open);
        Map<String, Long> byGroup = new LinkedHashMap<>();
        hub.agent("topUp", Map.of("target", target, "applications", ingest.applications("BL-", missing)))
                .fields().forEachRemaining(e -> byGroup.put(e.getKey(), e.getValue().asLong()));
        return byGroup;
    }

    /**
     * The task list asked by one client alone with HTTP Basic and no session (a client that never logged in keeps
     * no cookie: Basic authentication opens none), back to back: the median, mostly the BCrypt check of each.
     */
    double basicWithoutSession(int requests) {
        Clerk client = new Clerk(clerks.get(0).clerk().username(), hub.port());
        return lone(client, requests);
    }

    /** The same, the client sending an API token (one Basic login for it, before the clock starts). */
    double tokenWithoutSession(int requests) {
        return lone(new Clerk(clerks.get(0).clerk().username(), hub.port()).withToken(), requests);
    }

    /** The task list asked by one client alone, back to back: the median. */
    static double lone(Clerk client, int requests) {
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

    Run run(Page page, int requestsPerClerk) throws Exception {
        List<Seat> seats = page == Page.DASHBOARD ? supervisors : clerks;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier together = new CyclicBarrier(seats.size());
        ExecutorService pool = Executors.newFixedThreadPool(seats.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Seat seat : seats) {
                String path = page.path.apply(seat);
                done.add(pool.submit(() -> {
                    together.await();
                    for (int i = 0; i < requestsPerClerk; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> r = seat.clerk().get(path);
                        latencies.add((System.nanoTime() - start) / 1e6);
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(seat.clerk().username() + " " + path + ": "
                                    + r.statusCode() + " " + r.body());
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
