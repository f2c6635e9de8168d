package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.monitoring.Fluctuation;
import cn.gov.sd.pilotzone.monitoring.FollowUps;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader.OperationRecord;
import cn.gov.sd.pilotzone.monitoring.TestOperationData;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.awaitility.Awaitility.await;

/**
 * The follow-up of a fluctuating enterprise in the browser: the county clerk's task shows the enterprise, its
 * 24 months of revenue and electricity with the month that put it on the list, and its earlier follow-ups; the
 * supervisor's review shows what the county recorded. Screenshots under {@code target/screenshots/}.
 */
@HubIntegrationTest
@Import(HubClient.class)
class FollowUpBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    TestOperationData operationData;
    @Autowired
    FollowUps followUps;
    @Autowired
    TaskService taskService;

    @BeforeAll
    static void chromiumInstalled() {
        Browser.requireInstalled();
    }

    @Test
    void theCountySeesTheEnterpriseItsFiguresAndEarlierFollowUpsAndTheSupervisorWhatTheCountyRecorded() {
        String uscc = TestEnterprises.uscc("370705");
        String name = "跟进页面测试" + uscc.substring(12) + "有限公司";
        registry.upsert(List.of(TestEnterprises.enterprise(uscc, name, "370705", "B", true)));
        YearMonth flagged = YearMonth.of(2024, 8);
        List<OperationRecord> months = new ArrayList<>();
        for (int i = 23; i >= 0; i--) {
            YearMonth m = flagged.minusMonths(i);
            boolean drop = i == 0;
            months.add(new OperationRecord(0, uscc, m, new BigDecimal(drop ? "600" : "1000"), BigDecimal.ONE,
                    new BigDecimal(drop ? "450" : "500"), BigDecimal.ONE));
        }
        operationData.apply(months, Set.of());
        followUps.register(List.of(fluctuation(uscc, name, "2023-11", "700", "1000"),
                fluctuation(uscc, name, flagged.toString(), "600", "1000")));
        followUps.startPending();
        followUps.recordContact(uscc + ":2023-11", "原材料涨价", "协调供应链对接", "张经理", LocalDate.of(2023, 12, 5),
                "county-370705");
        String contact = awaitTask(uscc + ":" + flagged, "contactEnterprise").getId();

        try (Browser b = Browser.at(port)) {
            b.logIn("county-370705", AwardFixtures.PASSWORD);
            b.open("/tasks/" + contact);
            assertThat(b.text("#follow-up-enterprise")).contains(name, uscc, "奎文区", "B 类");
            assertThat(b.text("#follow-up-drop")).contains("2024-08", "-40.0%", "-10.0%");
            assertThat(b.text("#follow-up-earlier")).contains("2023-11", "原材料涨价", "协调供应链对接");
            Object points = ((JavascriptExecutor) b.driver()).executeScript(
                    "const c = Chart.getChart('follow-up-chart'); return c ? c.data.labels.length : 0;");
            assertThat(points).isEqualTo(24L);
            b.screenshot("30-follow-up-task");

            b.fill("#field-problems", "外贸订单下降");
            b.fill("#field-measures", "对接银行续贷");
            b.fill("#field-contactPerson", "王经理");
            b.complete("approve");
            assertThat(b.path()).isEqualTo("/tasks");
        }
        String review = awaitTask(uscc + ":" + flagged, "supervisorReview").getId();
        try (Browser b = Browser.at(port)) {
            b.logIn("supervisor", AwardFixtures.PASSWORD);
            b.open("/tasks/" + review);
            assertThat(b.text("#follow-up-recorded")).contains("外贸订单下降", "对接银行续贷");
            assertThat(b.text("#follow-up-enterprise")).contains("王经理");
            b.screenshot("31-follow-up-review");
        }
    }

    private static Fluctuation fluctuation(String uscc, String name, String period, String revenue, String lastYear) {
        return new Fluctuation(uscc, period, name, "370705", "B", new BigDecimal(revenue), new BigDecimal(lastYear),
                null, null, null, null);
    }

    private Task awaitTask(String businessKey, String step) {
        return await().until(() -> taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(step).singleResult(), t -> t != null);
    }
}
