package cn.gov.sd.pilotzone.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.ui.Browser;

import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * zoneDesignation's human steps on pages (issue 15 items 1 and 8, docs/province.md): Qingdao's application (made by
 * the API, as the city's 工信局 would from its own system) is checked by 省工信厅, returned for correction and
 * resubmitted, scored by two assigned experts (not by an administrator on their behalf, and none seeing the other's
 * score), and listed in a batch on the decision task, which shows the targets applied for and who scored what with
 * which comment; the zone's page then shows the designation. A year on, the city reports the year's figures (a bad
 * year refused at the field) and the province rates them (a recommendation refused for a 合格), which recommends the
 * zone for national creation. Screenshots under {@code target/screenshots/}.
 */
@HubIntegrationTest
@Import(HubClient.class)
class DesignationBrowserIT {

    static final String ZONE = "qingdao";
    static final String CITY = "qingdao-gxj";
    static final String PASSWORD = "demo";

    @LocalServerPort
    int port;
    @Autowired
    HubClient hub;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Designations designations;
    @Autowired
    ManagementService management;
    @Autowired
    DesignationStore store;

    @BeforeAll
    static void chromiumInstalled() {
        Browser.requireInstalled();
    }

    /** Qingdao without a designation, so that it may apply (it starts listed in the first batch). */
    @BeforeEach
    void noDesignation() {
        runtime.createProcessInstanceQuery().processDefinitionKey(Designations.PROCESS)
                .processInstanceBusinessKey(ZONE).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "browser test"));
        jdbc.update("DELETE FROM zone_evaluation WHERE zone_id = ?", ZONE);
        jdbc.update("DELETE FROM zone_designation WHERE zone_id = ?", ZONE);
    }

    /** Back to the first batch, as every other test finds the six zones. */
    @AfterEach
    void firstBatchAgain() {
        noDesignation();
        designations.seedListedZones();
    }

    @Test
    void provinceReturnsTheApplicationExpertsScoreOnlyTheirOwnTheDecisionListsTheZoneAndTheYearIsReportedAndRated() {
        assertThat(hub.call(CITY, HttpMethod.POST, "/api/zones/" + ZONE + "/designation", Map.of(
                "theme", "“两化两业”深度融合发展",
                "planDocument", "https://gxj.qingdao.example/plan.pdf",
                "targets", List.of(Map.of("code", "iiot_platforms", "name", "工业互联网平台", "comparator", "AT_LEAST",
                        "value", 10, "unit", "个", "year", 2025)))).getStatusCode().value()).isEqualTo(201);

        try (Browser b = Browser.at(port)) {
            // 形式审查: no decision, then a return without its reason, are refused at the field
            b.openTaskAs("sgxt", PASSWORD, task("formalCheck"));
            assertThat(b.text("#task-name")).isEqualTo("形式审查");
            assertThat(b.text("#designation-plan")).isEqualTo("https://gxj.qingdao.example/plan.pdf");
            b.follow("#complete");
            assertThat(b.text("#error-decision")).isEqualTo("必填");
            b.complete("return");
            assertThat(b.text("#error-comment")).isEqualTo("不同意或退回时必须填写意见");
            b.screenshot("50-designation-return-needs-reason");
            b.decide("return");
            b.fill("#comment", "缺少创建方案附件的盖章版本");
            b.follow("#complete");
            assertThat(b.text("#notice")).contains("形式审查");
            b.logOut();

            // the city sees it returned and resubmits it
            b.logIn(CITY, PASSWORD);
            String returned = Browser.taskRow(task("correctApplication"));
            b.open("/tasks");
            assertThat(b.text(returned + " .returned")).isEqualTo("退回");
            b.screenshot("51-designation-returned-in-list");
            b.follow(returned + " a.task-link");
            b.decide("approve");
            b.fill("#field-theme", "“两化两业”深度融合发展（补正）");
            b.follow("#complete");
            assertThat(b.text("#notice")).contains("补正申报材料");

            // 形式审查 again: passed to two of the three experts
            b.openTaskAs("sgxt", PASSWORD, task("formalCheck"));
            assertThat(b.text("#designation-theme")).isEqualTo("“两化两业”深度融合发展（补正）");
            b.decide("approve");
            assertThat(b.text("label[for='field-experts-expert-1']")).as("people by name").isEqualTo("评审专家一");
            assertThat(b.text("[data-field='experts']")).contains("评审专家（至少2名）", "不选择则由全部专家评审");
            b.click("#field-experts-expert-1");
            b.click("#field-experts-expert-2");
            b.follow("#complete");
            assertThat(b.text("#notice")).contains("形式审查");

            // expert-1: an out-of-range score is refused beside the field, a valid one is taken
            b.openTaskAs("expert-1", PASSWORD, expertTask("expert-1"));
            b.decide("approve");
            b.fill("#field-score", "101");
            b.follow("#complete");
            assertThat(b.text("#error-score")).isEqualTo("评分须为0–100");
            assertThat(b.value("#field-score")).isEqualTo("101");
            b.screenshot("52-designation-score-out-of-range");
            b.fill("#field-score", "85");
            b.fill("#comment", "目标量化清晰，保障措施可行");
            b.complete("approve");
            assertThat(b.text("#notice")).contains("专家评审打分");
            b.logOut();

            // an administrator, who works any other task, opens expert-2's and is told why it cannot score it
            String expert2Task = expertTask("expert-2");
            b.logIn("admin", PASSWORD);
            b.open("/tasks/" + expert2Task);
            assertThat(b.text("#assignee-only")).contains("只能由任务指派的专家", "不得代为评分");
            assertThat(b.find("#complete").isEnabled()).isFalse();
            b.screenshot("53-designation-admin-cannot-score");

            b.openTaskAs("expert-2", PASSWORD, expert2Task);
            assertThat(b.exists("#assignee-only")).isFalse();
            assertThat(b.exists("#designation-scores")).as("no expert sees another's score").isFalse();
            assertThat(b.text("#designation-targets tr[data-code='iiot_platforms']"))
                    .contains("工业互联网平台", "不低于", "10 个", "2025");
            b.decide("approve");
            b.fill("#field-score", "75");
            b.follow("#complete");
            assertThat(b.text("#notice")).contains("专家评审打分");

            // the decision shows the mean (85 and 75) and lists the zone in the second batch
            b.openTaskAs("sgxt", PASSWORD, task("provinceDecision"));
            assertThat(b.text("#designation-mean")).isEqualTo("80.00");
            assertThat(b.text("#designation-status")).contains("研究确定");
            assertThat(b.text("#designation-scores tr[data-expert='expert-1']"))
                    .contains("评审专家一", "85", "目标量化清晰，保障措施可行");
            assertThat(b.text("#designation-scores tr[data-expert='expert-2']")).contains("评审专家二", "75", "—");
            assertThat(b.text("#designation-targets")).contains("工业互联网平台", "不低于", "10 个");
            b.scrollTo("#designation");
            b.screenshot("54-designation-decision-mean");
            b.complete("approve");
            assertThat(b.text("#error-batch")).isEqualTo("必填");
            b.decide("approve");
            b.fill("#field-batch", "第二批");
            b.follow("#complete");
            assertThat(b.text("#notice")).contains("研究确定入选名单");

            b.open("/zones/" + ZONE);
            assertThat(b.text("#zone-designation")).contains("已列入名单", "第二批");
            b.screenshot("55-designation-zone-listed");

            // a year on, the city reports the year's figures: a year out of range and no report are refused
            yearDue();
            b.openTaskAs(CITY, PASSWORD, task("annualReport"));
            assertThat(b.text("#task-name")).isEqualTo("报送年度创建情况");
            assertThat(b.text("#designation-status")).contains("已列入名单", "第二批");
            assertThat(b.text("#designation-targets")).contains("工业互联网平台");
            b.fill("#field-year", "1999");
            b.complete("approve");
            assertThat(b.text("#error-year")).isEqualTo("请填写年度，如2025");
            assertThat(b.text("#error-report")).isEqualTo("必填");
            assertThat(b.value("#field-year")).isEqualTo("1999");
            b.screenshot("56-designation-annual-report-refused");
            b.fill("#field-year", "2025.5");
            b.complete("approve");
            assertThat(b.text("#error-year")).as("not a whole year").isEqualTo("请填写年度，如2025");
            b.fill("#field-year", "2025");
            b.fill("#field-report", "建成工业互联网平台 12 个，超过目标 10 个");
            b.complete("approve");
            assertThat(b.text("#notice")).contains("报送年度创建情况");

            // the province rates the year on what the city reported; a recommendation needs 优秀 or 良好
            b.openTaskAs("sgxt", PASSWORD, task("annualEvaluation"));
            assertThat(b.text("#task-name")).isEqualTo("年度评价");
            assertThat(b.text("#designation-evaluations tr[data-year='2025']"))
                    .contains("建成工业互联网平台 12 个", "青岛市工信局");
            b.complete("approve");
            assertThat(b.text("#error-rating")).contains("优秀", "不合格");
            b.click("label[for='field-rating-合格']");
            b.click("label[for='field-recommend-true']");
            assertThat(b.text("label[for='field-recommend-true']")).isEqualTo("是");
            b.complete("approve");
            assertThat(b.text("#error-recommend")).isEqualTo("只有评为优秀或良好的试验区方可推荐参加国家级创建");
            assertThat(b.find("#field-rating-合格").isSelected()).as("the rating kept").isTrue();
            b.screenshot("57-designation-evaluation-refused");
            b.click("label[for='field-rating-良好']");
            b.complete("approve");
            assertThat(b.text("#notice")).contains("年度评价");
            assertThat(store.evaluations(ZONE)).singleElement().satisfies(e -> {
                assertThat(e.year()).isEqualTo(2025);
                assertThat(e.rating()).isEqualTo("良好");
            });

            b.open("/zones/" + ZONE);
            assertThat(b.text("#zone-designation")).contains("已推荐国家级创建");
            b.screenshot("58-designation-zone-recommended");
        }
    }

    /** The year's evaluation comes due: the timer after listing (a year) fires now. */
    private void yearDue() {
        String pid = runtime.createProcessInstanceQuery().processDefinitionKey(Designations.PROCESS)
                .processInstanceBusinessKey(ZONE).singleResult().getId();
        Job timer = await().until(() -> management.createTimerJobQuery().processInstanceId(pid).singleResult(),
                j -> j != null);
        management.moveTimerToExecutableJob(timer.getId());
    }

    /** The zone's open task of that step (the steps before it completed in the request that moved it on). */
    private String task(String taskKey) {
        return await().until(() -> taskService.createTaskQuery().processInstanceBusinessKey(ZONE)
                .processDefinitionKey(Designations.PROCESS).taskDefinitionKey(taskKey).singleResult(), t -> t != null)
                .getId();
    }

    private String expertTask(String expert) {
        return await().until(() -> taskService.createTaskQuery().processInstanceBusinessKey(ZONE)
                .taskDefinitionKey("expertReview").taskAssignee(expert).singleResult(), t -> t != null).getId();
    }

}
