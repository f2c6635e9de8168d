package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.audit.AuditEntry;
import cn.gov.sd.pilotzone.audit.AuditQuery;
import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;
import cn.gov.sd.pilotzone.award.Applications;

import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Flowable's REST API attacked by every kind of caller: no deployment for anyone (the BPMN that would run a
 * command included), no task completed past the hub's checks, no write the hub API owns; administrators read and
 * operate the engine, each call an audit entry. Over real HTTP: the REST API is a servlet of its own.
 */
@SecurityIntegrationTest
class ProcessApiLockdownIT {

    private static final String PASSWORD = "demo";
    private static final List<String> EVERY_ACCOUNT = List.of("admin", "system", "supervisor", "gxj", "county-370705");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    AuditTrail audit;

    /** A process whose start runs a command as the hub's user, were it ever deployed and started. */
    private static String commandBpmn(Path marker) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:flowable="http://flowable.org/bpmn" targetNamespace="http://example.org/attack">
                  <process id="attack" isExecutable="true">
                    <startEvent id="s"/>
                    <sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
                    <serviceTask id="t" flowable:expression="${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch %s')}"/>
                    <sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
                    <endEvent id="e"/>
                  </process>
                </definitions>
                """.formatted(marker);
    }

    @Test
    void nobodyDeploysABpmnThatRunsACommand() throws Exception {
        Path marker = Files.createTempFile("attack", ".marker");
        Files.delete(marker);
        long deployments = repository.createDeploymentQuery().count();

        for (String account : EVERY_ACCOUNT) {
            ResponseEntity<String> answer = deploy(rest.withBasicAuth(account, PASSWORD), commandBpmn(marker));
            assertThat(answer.getStatusCode().value()).as(account).isEqualTo(403);
        }
        assertThat(deploy(rest, commandBpmn(marker)).getStatusCode().value()).as("anonymous").isEqualTo(401);

        assertThat(deploy(rest.withBasicAuth("admin", PASSWORD), commandBpmn(marker)).getBody())
                .contains("deployments are refused");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("attack").count()).isZero();
        assertThat(marker).doesNotExist();
    }

    @Test
    void nobodyCompletesATaskThroughTheProcessApi() throws Exception {
        String task = newTask();

        for (String account : EVERY_ACCOUNT) {
            ResponseEntity<String> answer = call(account, HttpMethod.POST, "/process-api/runtime/tasks/" + task,
                    "{\"action\":\"complete\",\"variables\":[{\"name\":\"decision\",\"value\":\"approve\"}]}");
            assertThat(answer.getStatusCode().value()).as(account).isEqualTo(403);
        }

        Task open = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(open).as("still waiting for the county's decision").isNotNull();
        assertThat(open.getAssignee()).isNull();
    }

    /** Each write the hub API owns, tried as an administrator: every one refused with its reason, nothing changed. */
    @Test
    void administratorsCannotWriteWhatTheHubApiOwns() throws Exception {
        String task = newTask();
        String pi = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        String definition = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult()
                .getProcessDefinitionId();
        List<String[]> writes = List.of(
                new String[] {"POST", "/process-api/runtime/tasks/" + task, "{\"action\":\"claim\",\"assignee\":\"x\"}"},
                new String[] {"PUT", "/process-api/runtime/tasks/" + task, "{\"assignee\":\"x\"}"},
                new String[] {"DELETE", "/process-api/runtime/tasks/" + task, null},
                new String[] {"PUT", "/process-api/runtime/tasks/" + task + "/variables",
                        "[{\"name\":\"approvedAmount\",\"value\":1}]"},
                new String[] {"POST", "/process-api/runtime/process-instances",
                        "{\"processDefinitionKey\":\"awardApplication\"}"},
                new String[] {"DELETE", "/process-api/runtime/process-instances/" + pi, null},
                new String[] {"PUT", "/process-api/runtime/process-instances/" + pi + "/variables",
                        "[{\"name\":\"approvedAmount\",\"value\":9999999}]"},
                new String[] {"PUT", "/process-api/runtime/process-instances/" + pi,
                        "{\"action\":\"suspend\",\"businessKey\":\"other\"}"},
                new String[] {"PUT", "/process-api/runtime/process-instances/" + pi, "{\"name\":\"renamed\"}"},
                new String[] {"PUT", "/process-api/repository/process-definitions/" + definition,
                        "{\"category\":\"x\"}"},
                new String[] {"POST", "/process-api/identity/users", "{\"id\":\"intruder\",\"password\":\"x\"}"},
                new String[] {"POST", "/process-api/identity/groups/gxj/members", "{\"userId\":\"intruder\"}"},
                new String[] {"POST", "/process-api/management/timer-jobs/none", "{\"action\":\"reschedule\"}"},
                new String[] {"POST", "/process-api/repository/models", "{\"name\":\"m\"}"},
                new String[] {"POST", "/external-job-api/acquire/jobs", "{\"topic\":\"t\",\"workerId\":\"w\"}"});

        for (String[] w : writes) {
            ResponseEntity<String> answer = call("admin", HttpMethod.valueOf(w[0]), w[1], w[2]);
            assertThat(answer.getStatusCode().value()).as(w[0] + " " + w[1]).isEqualTo(403);
            assertThat(json.readTree(answer.getBody()).path("message").asText()).as(w[0] + " " + w[1]).isNotBlank();
        }

        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
                .isNotEqualTo("other");
        assertThat(runtime.getVariable(pi, "approvedAmount")).isNull();
        assertThat(audit.search(new AuditQuery("admin", AuditType.PROCESS_API_REFUSED, pi, null, null, 50)))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void administratorsOperateTheEngineAndEachCallIsAudited() throws Exception {
        String pi = taskService.createTaskQuery().taskId(newTask()).singleResult().getProcessInstanceId();

        assertThat(call("admin", HttpMethod.PUT, "/process-api/runtime/process-instances/" + pi,
                "{\"action\":\"suspend\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().isSuspended()).isTrue();
        assertThat(call("admin", HttpMethod.PUT, "/process-api/runtime/process-instances/" + pi,
                "{\"action\":\"activate\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().isSuspended()).isFalse();
        // allowed through: Flowable itself answers that there is no such job
        assertThat(call("admin", HttpMethod.POST, "/process-api/management/jobs/no-such-job",
                "{\"action\":\"execute\"}").getStatusCode().value()).isEqualTo(404);
        assertThat(call("admin", HttpMethod.DELETE, "/process-api/management/deadletter-jobs/no-such-job", null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(call("admin", HttpMethod.POST, "/process-api/query/tasks", "{}").getStatusCode().value())
                .isEqualTo(200);

        List<AuditEntry> entries = audit.search(new AuditQuery("admin", AuditType.PROCESS_API, pi, null, null, 10));
        assertThat(entries).extracting(AuditEntry::target)
                .contains("PUT /process-api/runtime/process-instances/" + pi);
        assertThat(entries).allSatisfy(e -> assertThat(e.clientIp()).isNotBlank());
    }

    @Test
    void systemAccountsUseTheHubApiNotTheProcessApi() {
        assertThat(call("system", HttpMethod.GET, "/process-api/repository/process-definitions", null)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(call("admin", HttpMethod.GET, "/process-api/repository/process-definitions", null)
                .getStatusCode().value()).isEqualTo(200);
    }

    /** Resources are deployed under relative names, so the links in Flowable's own answers lead to them. */
    @Test
    void resourceLinksOfTheProcessApiWork() throws Exception {
        JsonNode definitions = json.readTree(call("admin", HttpMethod.GET,
                "/process-api/repository/process-definitions?key=awardApplication&latest=true", null).getBody());
        JsonNode definition = definitions.path("data").get(0);
        assertThat(definition.path("resource").asText()).endsWith("/award-application.bpmn20.xml");

        ResponseEntity<String> resource = rest.withBasicAuth("admin", PASSWORD)
                .getForEntity(definition.path("resource").asText(), String.class);
        assertThat(resource.getStatusCode().value()).as(resource.getBody()).isEqualTo(200);
        String content = json.readTree(resource.getBody()).path("contentUrl").asText();
        ResponseEntity<String> xml = rest.withBasicAuth("admin", PASSWORD).getForEntity(content, String.class);
        assertThat(xml.getStatusCode().value()).as(content).isEqualTo(200);
        assertThat(xml.getBody()).contains("<definitions").contains("awardApplication");
    }

    private ResponseEntity<String> call(String account, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return rest.withBasicAuth(account, PASSWORD).exchange(path, method, new HttpEntity<>(body, headers),
                String.class);
    }

    private static ResponseEntity<String> deploy(TestRestTemplate client, String bpmn) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "attack.bpmn20.xml";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return client.exchange("/process-api/repository/deployments", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
    }

    /** A new application of 370705 waiting in county review: its task. */
    private String newTask() throws Exception {
        Map<String, Object> app = Applications.fresh("SINGLE_CHAMPION_NATIONAL");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> filed = rest.withBasicAuth("system", PASSWORD).exchange("/api/award-applications",
                HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(app), headers), String.class);
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        String pi = json.readTree(filed.getBody()).path("processInstanceId").asText();
        Task task = taskService.createTaskQuery().processInstanceId(pi).singleResult();
        assertThat(task).isNotNull();
        return task.getId();
    }
}
