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

import cn.gov.sd.pilotzone.award.AwardApplications;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * Figure 2, task completion: applications waiting at county review (left by the ingest figure) driven through
 * county, city (gxj) and finance (czj) review with {@code POST /api/tasks/{id}/complete} as the right clerk.
 * Several clerks work at once (one worker per application at a time, {@value #WORKERS} workers). The next task's
 * id is looked up in Flowable (an indexed query by business key), standing in for the clerk opening the case.
 */
final class TaskCompletion {

    static final int WORKERS = 4;
    private static final List<String> STEPS = List.of("countyReview", "cityReview", "financeReview");
    private static final String APPROVE = "{\"decision\":\"approve\",\"comment\":\"基准测试：材料齐全，同意\"}";

    private final BenchHub hub;
    private final Map<String, Clerk> clerks = new ConcurrentHashMap<>();

    TaskCompletion(BenchHub hub) {
        this.hub = hub;
    }

    /** Tasks completed per second, driving {@code count} applications of the given ingest prefix. */
    double run(String prefix, int count) throws Exception {
        TaskService tasks = hub.bean(TaskService.class);
        List<Task> waiting = tasks.createTaskQuery().processDefinitionKey(AwardApplications.PROCESS)
                .taskDefinitionKey("countyReview").processInstanceBusinessKeyLike(prefix + "%").listPage(0, count);
        if (waiting.size() < count) {
            throw new IllegalStateException("only " + waiting.size() + " applications at county review");
        }
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        waiting.forEach(t -> queue.add(t.getProcessInstanceId()));
        // each clerk's first request logs in (one BCrypt check); outside the clock, as the start of a work day
        hub.bean(BureauDirectory.class).all().stream().map(b -> b.code())
                .filter(c -> c.startsWith(BureauDirectory.COUNTY_PREFIX) || c.equals("gxj") || c.equals("czj"))
                .forEach(c -> clerk(c).login());
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                done.add(pool.submit(() -> {
                    int completed = 0;
                    for (String pi = queue.poll(); pi != null; pi = queue.poll()) {
                        completed += drive(tasks, pi);
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

    private int drive(TaskService tasks, String processInstanceId) {
        for (String step : STEPS) {
            Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                    .includeProcessVariables().singleResult();
            if (task == null) {
                throw new IllegalStateException("no " + step + " task for " + processInstanceId);
            }
            String user = switch (step) {
                case "countyReview" -> countyClerk(task);
                case "cityReview" -> "gxj";
                default -> "czj";
            };
            HttpResponse<String> r = clerk(user).post("/api/tasks/" + task.getId() + "/complete", APPROVE);
            for (int attempt = 1; r.statusCode() == 409 && attempt < 5; attempt++) {
                r = clerk(user).post("/api/tasks/" + task.getId() + "/complete", APPROVE);
            }
            if (r.statusCode() != 204) {
                throw new IllegalStateException(step + " as " + user + ": " + r.statusCode() + " " + r.body());
            }
        }
        return STEPS.size();
    }

    private static String countyClerk(Task task) {
        Object group = task.getProcessVariables().get("countyGroup");
        if (group == null) {
            throw new IllegalStateException("task " + task.getId() + " without countyGroup");
        }
        return group.toString();
    }

    private Clerk clerk(String username) {
        return clerks.computeIfAbsent(username, u -> new Clerk(u, hub.port()));
    }
}
