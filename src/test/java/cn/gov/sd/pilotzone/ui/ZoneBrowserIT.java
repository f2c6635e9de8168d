package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.Role;
import cn.gov.sd.pilotzone.task.CompletionForm;
import cn.gov.sd.pilotzone.task.Tasks;

import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * The zone lifecycle's human steps on pages (issue 15): starting Weifang's lifecycle from the zone page (an
 * administrator with phase periods, checked; the coordinator told when one is already running), and the lead
 * bureau's quarterly progress report on its 落实任务 page, whose plan task panel is rendered on the server.
 * Screenshots under {@code target/screenshots/}.
 */
@HubIntegrationTest
@Import(HubClient.class)
class ZoneBrowserIT {

    static final String LIFECYCLE = "/api/zones/weifang/lifecycle";
    /** 3.3.1 建设数字化车间, led by the city's 工信局 (gxj) alone. */
    static final String PLAN_TASK = "3.3.1";

    @LocalServerPort
    int port;
    @Autowired
    HubClient hub;
    @Autowired
    TaskService taskService;
    @Autowired
    Tasks tasks;

    @BeforeAll
    static void chromiumInstalled() {
        Browser.requireInstalled();
    }

    @BeforeEach
    @AfterEach
    void noLifecycle() {
        hub.call("admin", HttpMethod.DELETE, LIFECYCLE + "?reason=browser-test", null); // 409 when none runs
    }

    @Test
    void adminStartsTheLifecycleWithCheckedPeriodsAndTheCoordinatorIsToldItIsAlreadyRunning() {
        try (Browser coordinator = browser(); Browser admin = browser()) {
            coordinator.logIn("gxj", AwardFixtures.PASSWORD);
            coordinator.open("/zones/weifang");
            assertThat(coordinator.exists("#start-form")).isTrue();
            assertThat(coordinator.exists("#period-mobilizationPeriod")).as("periods are the administrator's").isFalse();

            admin.logIn("admin", AwardFixtures.PASSWORD);
            admin.open("/zones/weifang");
            admin.find("#period-mobilizationPeriod").sendKeys("三个月");
            admin.find("#period-implementationPeriod").sendKeys("P60D");
            admin.follow("#start-submit");
            assertThat(admin.text("#problem")).contains("宣传发动期", "不是 ISO 8601 时长", "三个月");
            assertThat(admin.find("#period-implementationPeriod").getDomProperty("value")).isEqualTo("P60D");
            admin.screenshot("40-zone-start-invalid-period");

            admin.find("#period-mobilizationPeriod").clear();
            admin.find("#period-mobilizationPeriod").sendKeys("P30D");
            admin.follow("#start-submit");
            assertThat(admin.text("#notice")).contains("已启动");
            assertThat(admin.exists("#start-form")).as("no second start offered").isFalse();
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey("weifang")
                    .taskDefinitionKey("research").count()).isEqualTo(1);

            coordinator.follow("#start-submit");
            assertThat(coordinator.text("#problem")).contains("已有运行中的创建流程");
            coordinator.screenshot("41-zone-already-running");
        }
    }

    @Test
    void leadBureauReportsQuarterlyProgressOnItsImplementationTaskWithCheckedFieldsAndSeesTheHistory() {
        assertThat(hub.call("admin", HttpMethod.POST, LIFECYCLE, Map.of("mobilizationPeriod", "PT0S",
                "implementationPeriod", "P60D", "reportPeriod", "P30D", "rectificationPeriod", "P30D"))
                .getStatusCode().value()).isEqualTo(201);
        mobilize();
        Task implement = await().until(() -> taskService.createTaskQuery().processInstanceBusinessKey("weifang")
                .taskDefinitionKey("implementTask").taskVariableValueEquals("taskCode", PLAN_TASK).singleResult(),
                t -> t != null);

        try (Browser b = browser()) {
            b.logIn("gxj", AwardFixtures.PASSWORD);
            b.open("/tasks/" + implement.getId());
            assertThat(b.text("#zone-task-data")).contains(PLAN_TASK, "市工信局");
            assertThat(b.exists("#zone-reports-none")).isTrue();

            b.find("#report-period").sendKeys("2026-Q5");
            b.find("#report-progress").sendKeys("120");
            b.follow("#report-submit");
            assertThat(b.text("#error-period")).contains("不是有效的报送期间", "2026-Q5");
            assertThat(b.text("#error-progress")).contains("0 至 100");
            assertThat(b.text("#error-summary")).contains("必填");
            assertThat(b.find("#report-period").getDomProperty("value")).isEqualTo("2026-Q5");
            assertThat(b.find("#report-progress").getDomProperty("value")).isEqualTo("120");
            b.screenshot("42-zone-report-invalid");

            b.find("#report-period").clear();
            b.find("#report-period").sendKeys("2026-Q1");
            b.find("#report-progress").clear();
            b.find("#report-progress").sendKeys("40");
            b.find("#report-summary").sendKeys("已建成数字化车间 3 个");
            b.follow("#report-submit");
            assertThat(b.text("#notice")).contains(PLAN_TASK, "2026-Q1");
            assertThat(b.text("#zone-reports tr[data-period='2026-Q1']")).contains("40%", "已建成数字化车间 3 个",
                    "市工信局");
            assertThat(b.text("#zone-task-progress")).isEqualTo("40%");
            assertThat(b.exists("#error-period")).isFalse();
            b.screenshot("43-zone-report-history");
        }
    }

    /** Phase 1 as the coordinator, through the task service: not what this test is about. */
    private void mobilize() {
        complete("research", Map.of());
        complete("adoptPlan", Map.of("planDocument", Map.of("name", "创建方案.pdf",
                "url", "https://docs.example.gov.cn/weifang.pdf")));
        complete("confirmResponsibilities", Map.of());
        complete("publicity", Map.of("publicity", "电视台、报社设立专栏"));
    }

    private void complete(String step, Map<String, Object> fields) {
        Task task = await().until(() -> taskService.createTaskQuery().processInstanceBusinessKey("weifang")
                .taskDefinitionKey(step).singleResult(), t -> t != null);
        tasks.complete(new Caller("gxj", Role.CLERK, "gxj"), task.getId(),
                new CompletionForm("approve", null, null, fields));
    }

    private Browser browser() {
        return new Browser("http://localhost:" + port);
    }
}
