package cn.gov.sd.pilotzone.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
import org.flowable.engine.task.Attachment;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One access rule (ZoneCaseAccess) for a lifecycle's documents, case and tasks, whichever address asks: the zone API,
 * {@code /files/{id}}, {@code /cases/{id}} and the task pages, tried in every phase of the lifecycle (mobilization,
 * implementation, acceptance, rectification). The coordinator (gxj) and supervisors see the whole case; a lead
 * bureau (sthjj, which alone leads 3.5.3) sees its own task and evidence, never the plan document, the case or the
 * coordinator's tasks; another lead bureau (kjj) not even sthjj's task; a county clerk outside the plan
 * (county-370702, 潍城区) nothing of the zone at all. The zone page shows the case's diagram to those who see the
 * case, not to the lead bureau.
 */
@HubIntegrationTest
@Import(HubClient.class)
class ZoneCaseAccessIT {

    static final String ZONE = "weifang";
    static final String OWN = "3.5.3";
    static final String OUTSIDER = "county-370702";
    static final List<String> NOT_COORDINATORS = List.of("sthjj", "kjj", OUTSIDER);
    static final Timeline.Overrides FAST = new Timeline.Overrides("PT0S", "PT10M", "PT10M", "PT10M");

    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    ZonePlans plans;

    ZoneItSupport it;
    String pdf = Base64.getEncoder().encodeToString("%PDF-1.4 方案".getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void setUp() {
        it = new ZoneItSupport(context);
        it.cancelIfRunning(ZONE);
    }

    @AfterEach
    void tearDown() {
        it.cancelIfRunning(ZONE);
    }

    @Test
    void eachPhaseShowsTheCaseToTheCoordinatorAndToOthersOnlyTheirOwnTask() {
        String pid = it.start("admin", ZONE, FAST);

        // mobilization: the coordinator's tasks, plan document and comments
        Task research = it.task(pid, "research");
        assertCoordinatorsTask(research, "mobilization");
        it.completeDirect("gxj", research, "approve", "调研论证完成", Map.of());
        it.completeDirect("gxj", it.task(pid, "adoptPlan"), "approve", "内部意见：预算尚未落实",
                Map.of("planDocument", document("总体方案.pdf")));
        String plan = attachment(pid, "总体方案.pdf");
        assertCase(pid, plan, "mobilization");
        assertDoneTaskHidden(research, "mobilization");

        // implementation: sthjj's own task and evidence
        it.completeDirect("gxj", it.task(pid, "confirmResponsibilities"), "approve", "责任分工已落实", Map.of());
        it.completeDirect("gxj", it.task(pid, "publicity"), "approve", null, Map.of("publicity", "专栏宣传"));
        Task own = it.planTask(pid, "implementTask", OWN);
        assertThat(status("sthjj", "/tasks/" + own.getId())).as("implementation: own task page").isEqualTo(200);
        for (String other : List.of("kjj", OUTSIDER)) {
            assertThat(status(other, "/tasks/" + own.getId())).as("implementation: sthjj's task for " + other)
                    .isEqualTo(404);
        }
        it.completeDirect("sthjj", own, "approve", "已完成", Map.of("evidence", List.of(document("环保服务.pdf"))));
        String evidence = attachment(pid, "环保服务.pdf");
        assertCase(pid, plan, "implementation");
        assertEvidence(evidence, "implementation");
        Task confirm = it.planTask(pid, "confirmCompletion", OWN);
        assertCoordinatorsTask(confirm, "implementation");

        // acceptance: every plan task done, the phase's timer due now
        it.completeDirect("gxj", confirm, "approve", "确认完成", Map.of());
        for (PlanTask t : plans.get(ZONE).tasks().filter(t -> !t.code().equals(OWN)).toList()) {
            it.completeDirect(t.leadBureaus().get(0), it.planTask(pid, "implementTask", t.code()), "approve", null,
                    ZoneItSupport.evidence(t.code() + ".pdf"));
            it.completeDirect("gxj", it.planTask(pid, "confirmCompletion", t.code()), "approve", "确认完成", Map.of());
        }
        fire(pid, "waitAcceptance");
        Task select = it.task(pid, "selectFirstCounties");
        assertThat(it.get("supervisor", "/api/zones/" + ZONE).get("phase")).isEqualTo("ACCEPTANCE");
        assertCoordinatorsTask(select, "acceptance");
        it.completeDirect("gxj", select, "approve", "选择奎文区先行先验", Map.of("firstCounties", List.of("county-370705")));
        Task county = it.task(pid, "countyAcceptance");
        assertCoordinatorsTask(county, "acceptance");
        assertThat(status("county-370705", "/tasks/" + county.getId())).as("the county under acceptance")
                .isEqualTo(404);
        it.completeDirect("gxj", county, "approve", "先行先验通过", Map.of("score", 88));
        it.completeDirect("gxj", it.task(pid, "organizeAcceptance"), "approve", "组织专家验收",
                Map.of("experts", List.of("expert-1", "expert-2", "expert-3")));
        await().atMost(ZoneItSupport.WAIT).until(() -> it.tasks(pid, "expertReview").size() == 3);
        Task expertReview = it.tasks(pid, "expertReview").get(0);
        assertThat(status(expertReview.getAssignee(), "/tasks/" + expertReview.getId()))
                .as("an expert's score task is the expert's").isEqualTo(200);
        for (String other : List.of("gxj", "sthjj", OUTSIDER)) {
            assertThat(status(other, "/tasks/" + expertReview.getId())).as("expertReview for " + other)
                    .isEqualTo(404);
        }
        assertCase(pid, plan, "acceptance");
        assertEvidence(evidence, "acceptance");
        assertDoneTaskHidden(own, "acceptance");
        for (Task t : it.tasks(pid, "expertReview")) {
            it.completeDirect(t.getAssignee(), t, "approve", "专家意见", Map.of("score", 70));
        }

        // rectification: the coordinator's task and its report
        Task rectification = it.task(pid, "rectification");
        assertThat(it.get("supervisor", "/api/zones/" + ZONE).get("phase")).as("rectification is part of acceptance").isEqualTo("ACCEPTANCE");
        assertCoordinatorsTask(rectification, "rectification");
        it.completeDirect("gxj", rectification, "approve", "已按专家意见完成整改",
                Map.of("evidence", List.of(document("整改报告.pdf"))));
        String report = attachment(pid, "整改报告.pdf");
        assertCase(pid, plan, "rectification");
        assertCase(pid, report, "rectification report");
        assertEvidence(evidence, "rectification");
        assertDoneTaskHidden(rectification, "rectification");
    }

    private Map<String, Object> document(String name) {
        return Map.of("name", name, "content", pdf, "contentType", "application/pdf");
    }

    private String attachment(String pid, String name) {
        List<Attachment> found = taskService.getProcessInstanceAttachments(pid).stream()
                .filter(a -> name.equals(a.getName())).toList();
        assertThat(found).as("attachment %s", name).hasSize(1);
        return found.get(0).getId();
    }

    /** A timer of the lifecycle, due now instead of in ten minutes: the async executor runs it as it would then. */
    private void fire(String pid, String elementId) {
        await().atMost(ZoneItSupport.WAIT).until(() -> timer(pid, elementId) != null);
        management.moveTimerToExecutableJob(timer(pid, elementId).getId());
    }

    private Job timer(String pid, String elementId) {
        return management.createTimerJobQuery().processInstanceId(pid).list().stream()
                .filter(j -> elementId.equals(j.getElementId())).findFirst().orElse(null);
    }

    /** The case page, the plan-level document by page and by API, and the zone itself. */
    private void assertCase(String pid, String document, String phase) {
        assertThat(status("gxj", "/cases/" + pid)).as(phase + ": coordinator's case page").isEqualTo(200);
        assertThat(status("supervisor", "/cases/" + pid)).as(phase + ": supervisor's case page").isEqualTo(200);
        assertThat(status("gxj", "/files/" + document)).as(phase + ": coordinator's document").isEqualTo(200);
        assertThat(status("supervisor", "/files/" + document)).as(phase + ": supervisor's document").isEqualTo(200);
        assertThat(status("gxj", "/api/zones/" + ZONE + "/documents/" + document)).isEqualTo(200);
        for (String other : NOT_COORDINATORS) {
            assertThat(status(other, "/cases/" + pid)).as(phase + ": case page of " + other).isEqualTo(404);
            assertThat(status(other, "/files/" + document)).as(phase + ": document for " + other).isEqualTo(404);
            assertThat(status(other, "/api/zones/" + ZONE + "/documents/" + document))
                    .as(phase + ": document API for " + other).isEqualTo(404);
        }
        String diagram = "/cases/" + pid + "/diagram.png";
        for (String seer : List.of("gxj", "supervisor")) {
            assertThat(page(seer, "/zones/" + ZONE)).as(phase + ": diagram on the zone page of " + seer)
                    .contains("src=\"" + diagram + "\"");
            assertThat(status(seer, diagram)).as(phase + ": diagram for " + seer).isEqualTo(200);
        }
        assertThat(page("sthjj", "/zones/" + ZONE)).as(phase + ": zone page of a lead bureau, without the case's diagram")
                .doesNotContain(diagram);
        for (String other : NOT_COORDINATORS) {
            assertThat(status(other, diagram)).as(phase + ": diagram for " + other).isEqualTo(404);
        }
        assertThat(status(OUTSIDER, "/zones/" + ZONE)).as(phase + ": zone page outside the plan").isEqualTo(404);
        assertThat(status(OUTSIDER, "/api/zones/" + ZONE)).as(phase + ": zone API outside the plan").isEqualTo(404);
    }

    /** sthjj's evidence of its own task: for sthjj and the coordinator, not for another bureau or a county. */
    private void assertEvidence(String evidence, String phase) {
        for (String seer : List.of("sthjj", "gxj", "supervisor")) {
            assertThat(status(seer, "/files/" + evidence)).as(phase + ": evidence for " + seer).isEqualTo(200);
            assertThat(status(seer, "/api/zones/" + ZONE + "/documents/" + evidence)).as(phase + ": " + seer)
                    .isEqualTo(200);
        }
        for (String other : List.of("kjj", OUTSIDER)) {
            assertThat(status(other, "/files/" + evidence)).as(phase + ": evidence for " + other).isEqualTo(404);
            assertThat(status(other, "/api/zones/" + ZONE + "/documents/" + evidence)).as(phase + ": " + other)
                    .isEqualTo(404);
        }
    }

    /** An open task of the coordinator: its page for the coordinator only. */
    private void assertCoordinatorsTask(Task task, String phase) {
        String page = "/tasks/" + task.getId();
        assertThat(status("gxj", page)).as(phase + ": " + task.getTaskDefinitionKey() + " for gxj").isEqualTo(200);
        for (String other : NOT_COORDINATORS) {
            assertThat(status(other, page)).as(phase + ": " + task.getTaskDefinitionKey() + " for " + other)
                    .isEqualTo(404);
        }
    }

    /**
     * A task done already: who may have worked it is told who did and when (a redirect to the task list, which the
     * client follows); for
     * everyone else it stays "not found", also for bureaus that have other tasks in the same case.
     */
    private void assertDoneTaskHidden(Task done, String phase) {
        String page = "/tasks/" + done.getId();
        for (String other : NOT_COORDINATORS) {
            if (done.getTaskDefinitionKey().equals("implementTask") && other.equals("sthjj")) {
                assertThat(status(other, page)).as(phase + ": own done task").isNotEqualTo(404);
            } else {
                assertThat(status(other, page)).as(phase + ": done " + done.getTaskDefinitionKey() + " for " + other)
                        .isEqualTo(404);
            }
        }
    }

    private int status(String user, String path) {
        return get(user, path).getStatusCode().value();
    }

    /** The page, which must be there. */
    private String page(String user, String path) {
        ResponseEntity<byte[]> r = get(user, path);
        assertThat(r.getStatusCode().value()).as("%s for %s", path, user).isEqualTo(200);
        return new String(r.getBody(), StandardCharsets.UTF_8);
    }

    private ResponseEntity<byte[]> get(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        return it.as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }
}
