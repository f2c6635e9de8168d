package cn.gov.sd.pilotzone.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.flowable.engine.TaskService;
import org.flowable.engine.task.Attachment;
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

/**
 * One access rule (ZoneCaseAccess) for a lifecycle's documents and case, whichever address asks: the zone API,
 * {@code /files/{id}} and {@code /cases/{id}}, through the mobilization and implementation phases. The coordinator
 * sees the whole case; a lead bureau (sthjj, which alone leads 3.5.3) sees the evidence of its own task, never the
 * plan document or the case's comments; another lead bureau (kjj) not even that.
 */
@HubIntegrationTest
@Import(HubClient.class)
class ZoneCaseAccessIT {

    static final String ZONE = "weifang";
    static final Timeline.Overrides FAST = new Timeline.Overrides("PT0S", "PT10M", "PT10M", "PT10M");

    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService taskService;

    ZoneItSupport it;

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
    void leadBureausSeeTheirOwnEvidenceAndNeverThePlanOrTheCase() {
        String pid = it.start("admin", ZONE, FAST);
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4 方案".getBytes(StandardCharsets.UTF_8));

        // mobilization: the coordinator's plan document and comments
        it.completeDirect("gxj", it.task(pid, "research"), "approve", "调研论证完成", Map.of());
        it.completeDirect("gxj", it.task(pid, "adoptPlan"), "approve", "内部意见：预算尚未落实",
                Map.of("planDocument", Map.of("name", "总体方案.pdf", "content", pdf, "contentType", "application/pdf")));
        String plan = taskService.getProcessInstanceAttachments(pid).get(0).getId();
        assertCase(pid, plan, "mobilization");

        // implementation: sthjj's evidence of its own task
        it.completeDirect("gxj", it.task(pid, "confirmResponsibilities"), "approve", "责任分工已落实", Map.of());
        it.completeDirect("gxj", it.task(pid, "publicity"), "approve", null, Map.of("publicity", "专栏宣传"));
        Task own = it.planTask(pid, "implementTask", "3.5.3");
        it.completeDirect("sthjj", own, "approve", "已完成", Map.of("evidence", List.of(Map.of("name", "环保服务.pdf",
                "content", pdf, "contentType", "application/pdf"))));
        Attachment evidence = taskService.getProcessInstanceAttachments(pid).stream()
                .filter(a -> "环保服务.pdf".equals(a.getName())).findFirst().orElseThrow();
        assertCase(pid, plan, "implementation");

        assertThat(status("sthjj", "/files/" + evidence.getId())).as("own evidence").isEqualTo(200);
        assertThat(status("kjj", "/files/" + evidence.getId())).as("another bureau's evidence").isEqualTo(404);
        assertThat(status("gxj", "/files/" + evidence.getId())).as("the coordinator").isEqualTo(200);
        assertThat(status("sthjj", "/api/zones/" + ZONE + "/documents/" + evidence.getId())).isEqualTo(200);
        assertThat(status("kjj", "/api/zones/" + ZONE + "/documents/" + evidence.getId())).isEqualTo(404);
    }

    private void assertCase(String pid, String plan, String phase) {
        assertThat(status("gxj", "/cases/" + pid)).as(phase + ": coordinator's case page").isEqualTo(200);
        assertThat(status("gxj", "/files/" + plan)).as(phase + ": coordinator's plan").isEqualTo(200);
        assertThat(status("supervisor", "/files/" + plan)).as(phase + ": supervisor's plan").isEqualTo(200);
        assertThat(status("gxj", "/api/zones/" + ZONE + "/documents/" + plan)).isEqualTo(200);
        for (String lead : List.of("sthjj", "kjj")) {
            assertThat(status(lead, "/cases/" + pid)).as(phase + ": case page of " + lead).isEqualTo(404);
            assertThat(status(lead, "/files/" + plan)).as(phase + ": plan for " + lead).isEqualTo(404);
            assertThat(status(lead, "/api/zones/" + ZONE + "/documents/" + plan)).as(phase + ": plan API for " + lead)
                    .isEqualTo(404);
        }
    }

    private int status(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        return it.as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class).getStatusCode()
                .value();
    }
}
