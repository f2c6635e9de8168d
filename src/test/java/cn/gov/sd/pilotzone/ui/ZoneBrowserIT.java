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
import cn.gov.sd.pilotzone.zone.ZoneLifecycles;
import cn.gov.sd.pilotzone.zone.ZonePlans;

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
 * The zone lifecycle's human steps on pages (issue 15): starting Weifang's lifecycle from the zone page (the
 * coordinator with phase periods, checked against the plan; an administrator told when one is already running; its diagram on the zone page once it runs), and the lead
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
    @Autowired
    ZonePlans plans;

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
    void theCoordinatorStartsTheLifecycleWithPeriodsWithinThePlanAndTheAdministratorIsToldItIsAlreadyRunning() {
        String horizon = String.valueOf(ZoneLifecycles.horizonDays(plans.get("weifang")));
        try (Browser coordinator = Browser.at(port); Browser admin = Browser.at(port)) {
            admin.logIn("admin", AwardFixtures.PASSWORD);
            admin.open("/zones/weifang");
            assertThat(admin.exists("#start-form")).isTrue();
            assertThat(admin.exists("#diagram")).as("no lifecycle, no diagram").isFalse();

            coordinator.logIn("gxj", AwardFixtures.PASSWORD);
            coordinator.open("/zones/weifang");
            assertThat(coordinator.text("#periods-hint")).contains(horizon);
            coordinator.fill("#period-mobilizationPeriod", "三个月");
            coordinator.fill("#period-implementationPeriod", "PT1H");
            coordinator.follow("#start-submit");
            assertThat(coordinator.text("#problem")).contains("宣传发动期", "不是 ISO 8601 时长", "三个月",
                    "须在 1 天至本方案期限 " + horizon + " 天之间：PT1H");
            assertThat(coordinator.value("#period-implementationPeriod")).isEqualTo("PT1H");
            coordinator.screenshot("40-zone-start-invalid-period");

            coordinator.fill("#period-mobilizationPeriod", "P30D");
            coordinator.fill("#period-implementationPeriod", "P2Y");
            coordinator.follow("#start-submit");
            assertThat(coordinator.text("#notice")).contains("已启动");
            assertThat(coordinator.exists("#start-form")).as("no second start offered").isFalse();
            assertThat(coordinator.imageShown("#diagram img.diagram")).as("the lifecycle's diagram").isTrue();
            coordinator.scrollTo("#diagram").screenshot("46-zone-diagram");
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey("weifang")
                    .taskDefinitionKey("research").count()).isEqualTo(1);

            admin.follow("#start-submit");
            assertThat(admin.text("#problem")).contains("已有运行中的创建流程");
            admin.screenshot("41-zone-already-running");
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

        try (Browser b = Browser.at(port)) {
            b.logIn("gxj", AwardFixtures.PASSWORD);
            b.open("/tasks/" + implement.getId());
            assertThat(b.text("#zone-task-data")).contains(PLAN_TASK, "市工信局");
            assertThat(b.exists("#zone-reports-none")).isTrue();

            b.fill("#report-period", "2026-Q5");
            b.fill("#report-progress", "120");
            b.follow("#report-submit");
            assertThat(b.text("#error-period")).contains("不是有效的报送期间", "2026-Q5");
            assertThat(b.text("#error-progress")).contains("0 至 100");
            assertThat(b.text("#error-summary")).contains("必填");
            assertThat(b.value("#report-period")).isEqualTo("2026-Q5");
            assertThat(b.value("#report-progress")).isEqualTo("120");
            b.screenshot("42-zone-report-invalid");

            b.fill("#report-period", "2026-Q1");
            b.fill("#report-progress", "40");
            b.fill("#report-summary", "已建成数字化车间 3 个");
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

}
