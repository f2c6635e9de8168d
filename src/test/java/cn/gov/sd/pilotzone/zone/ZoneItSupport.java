package cn.gov.sd.pilotzone.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.Role;
import cn.gov.sd.pilotzone.task.CompletionForm;
import cn.gov.sd.pilotzone.task.Tasks;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * What the zone ITs do over and over: call the hub API as a demo user (through the shared {@link HubClient}),
 * find and complete lifecycle tasks, start and cancel lifecycles.
 */
final class ZoneItSupport {

    static final String PASSWORD = "demo";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private final HubClient hub;
    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();
    private final TaskService taskService;
    private final ZoneLifecycles lifecycles;
    private final ZoneStore store;
    private final Tasks tasks;
    private final ProgressReports reports;

    ZoneItSupport(ApplicationContext context) {
        this.hub = context.getBean(HubClient.class);
        this.rest = context.getBean(TestRestTemplate.class);
        this.taskService = context.getBean(TaskService.class);
        this.lifecycles = context.getBean(ZoneLifecycles.class);
        this.store = context.getBean(ZoneStore.class);
        this.tasks = context.getBean(Tasks.class);
        this.reports = context.getBean(ProgressReports.class);
    }

    /**
     * Completes a task through the same service as {@code POST /api/tasks/{id}/complete}, without HTTP: for the
     * bulk of routine completions, where a password check per request would only make the test slow.
     */
    void completeDirect(String clerk, Task task, String decision, String comment, Map<String, Object> fields) {
        for (int attempt = 1; ; attempt++) {
            try {
                tasks.complete(new Caller(clerk, Role.CLERK, clerk), task.getId(),
                        new CompletionForm(decision, comment, null, fields));
                return;
            } catch (FlowableOptimisticLockingException e) {
                // a timer of the same task instance fired meanwhile: the API retries likewise (TaskController)
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Records a report through the service behind the API and the feed, without HTTP. */
    void reportDirect(String zoneId, String taskCode, String bureau, int progress) {
        reports.submit(new ProgressReports.Submission(zoneId, taskCode, bureau, "2021-Q3", progress, "按计划推进", null),
                ProgressReport.Source.API, bureau);
    }

    /** For downloads (the bulletin workbook, documents): bytes rather than JSON. */
    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    /** Other tests share the context and may have left the zone running: start from a clean slate. */
    void cancelIfRunning(String zoneId) {
        if (store.running(zoneId).isPresent()) {
            lifecycles.cancel(zoneId, "test", "test clean-up");
        }
    }

    Map<String, Object> get(String user, String path) {
        ResponseEntity<Map<String, Object>> r = call(user, HttpMethod.GET, path, null, MAP);
        assertThat(r.getStatusCode()).as("GET %s as %s: %s", path, user, r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    List<Map<String, Object>> getList(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> r = call(user, HttpMethod.GET, path, null, LIST);
        assertThat(r.getStatusCode()).as("GET %s as %s", path, user).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body, MAP);
    }

    HttpStatusCode status(String user, HttpMethod method, String path) {
        return hub.call(user, method, path, null).getStatusCode();
    }

    /** A call through the shared {@link HubClient}, its JSON answer read as maps and lists. */
    private <T> ResponseEntity<T> call(String user, HttpMethod method, String path, Object body, TypeReference<T> type) {
        ResponseEntity<String> r = hub.call(user, method, path, body);
        try {
            T parsed = r.getBody() == null || r.getBody().isBlank() ? null : json.readValue(r.getBody(), type);
            return new ResponseEntity<>(parsed, r.getHeaders(), r.getStatusCode());
        } catch (JsonProcessingException e) {
            throw new AssertionError(method + " " + path + " as " + user + ": not JSON: " + r.getBody(), e);
        }
    }

    /** Starts a lifecycle by API as the zone's coordinator, with the given periods. */
    String start(String user, String zoneId, Timeline.Overrides periods) {
        ResponseEntity<Map<String, Object>> r = post(user, "/api/zones/" + zoneId + "/lifecycle", periods);
        assertThat(r.getStatusCode()).as("start: %s", r.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) r.getBody().get("processInstanceId");
    }

    ResponseEntity<Map<String, Object>> complete(String user, String taskId, String decision, String comment,
                                                 Map<String, Object> fields) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("decision", decision);
        form.put("comment", comment);
        form.put("fields", fields);
        return post(user, "/api/tasks/" + taskId + "/complete", form);
    }

    void completeOk(String user, Task task, String decision, String comment, Map<String, Object> fields) {
        ResponseEntity<Map<String, Object>> r = complete(user, task.getId(), decision, comment, fields);
        assertThat(r.getStatusCode()).as("complete %s (%s) as %s: %s", task.getTaskDefinitionKey(), task.getName(),
                user, r.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    List<Task> tasks(String pid, String key) {
        return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).orderByTaskCreateTime().asc()
                .list();
    }

    Task task(String pid, String key) {
        await().atMost(WAIT).until(() -> !tasks(pid, key).isEmpty());
        List<Task> found = tasks(pid, key);
        assertThat(found).as("open %s tasks", key).hasSize(1);
        return found.get(0);
    }

    /** The open task of one plan task (implementTask, confirmCompletion, supervise…), waiting for it to appear. */
    Task planTask(String pid, String key, String taskCode) {
        await().atMost(WAIT).until(() -> planTaskOrNull(pid, key, taskCode) != null);
        return planTaskOrNull(pid, key, taskCode);
    }

    Task planTaskOrNull(String pid, String key, String taskCode) {
        return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key)
                .taskVariableValueEquals("taskCode", taskCode).singleResult();
    }

    /** Phase 1 as the coordinator, without HTTP: research, the plan adopted with its document, publicity. */
    void mobilize(String coordinator, String pid, Map<String, Object> planDocument) {
        completeDirect(coordinator, task(pid, "research"), "approve", "调研论证完成", Map.of());
        completeDirect(coordinator, task(pid, "adoptPlan"), "approve", "方案已印发", Map.of("planDocument", planDocument));
        completeDirect(coordinator, task(pid, "confirmResponsibilities"), "approve", "责任分工已落实", Map.of());
        completeDirect(coordinator, task(pid, "publicity"), "approve", null, Map.of("publicity", "电视台、报社设立专栏"));
        await().atMost(WAIT).until(() -> taskService.createTaskQuery().processInstanceId(pid)
                .taskDefinitionKey("implementTask").count() > 0);
    }

    static Map<String, Object> evidence(String name) {
        return Map.of("evidence", List.of(Map.of("name", name, "url", "https://docs.example.gov.cn/" + name)));
    }

    static Map<String, Object> report(String period, int progress, String summary) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("period", period);
        r.put("progress", progress);
        r.put("summary", summary);
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> zoneTask(Map<String, Object> zone, String code) {
        return ((List<Map<String, Object>>) zone.get("tasks")).stream().filter(t -> code.equals(t.get("code")))
                .findFirst().orElseThrow(() -> new AssertionError("no task " + code + " in " + zone.get("zoneId")));
    }
}
