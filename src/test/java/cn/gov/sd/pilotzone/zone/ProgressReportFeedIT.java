package cn.gov.sd.pilotzone.zone;

import static cn.gov.sd.pilotzone.zone.ZoneItSupport.WAIT;
import static cn.gov.sd.pilotzone.zone.ZoneItSupport.zoneTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The {@code progress-reports} feed (docs/exchange.md) on a running Zibo lifecycle: good reports are recorded on the right
 * task and archived; a file with an unknown zone or task, a bureau that does not lead the task, bad values or bad
 * JSON goes to {@code error/} with the reason, and nothing of it is recorded.
 */
@HubIntegrationTest
@Import(HubClient.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressReportFeedIT {

    static final String ZONE = "zibo";
    /** No timer fires while the tests run. */
    static final Timeline.Overrides QUIET = new Timeline.Overrides("PT0S", "P30D", "P10D", "P10D");

    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService taskService;
    @Autowired
    ZoneStore store;
    @Autowired
    HubClient hub;

    ZoneItSupport it;
    String pid;

    @BeforeAll
    void startZibo() {
        it = new ZoneItSupport(context);
        it.cancelIfRunning(ZONE);
        it.cancelIfRunning("weifang");
        pid = context.getBean(ZoneLifecycles.class).start(ZONE, "test", QUIET).processInstanceId();
        it.mobilize("zibo-gxj", pid, Map.of("name", "先进制造业强市实施方案.pdf", "url", "https://docs.example.gov.cn/zibo.pdf"));
    }

    @AfterAll
    void stopZibo() {
        it.cancelIfRunning(ZONE);
    }

    @Test
    void goodReportIsRecordedOnItsTaskAndArchived() {
        String name = drop("good", """
                {"zoneId": "zibo", "taskCode": "2.5.13", "bureau": "zibo-gxj", "period": "2023-Q3", "progress": 40,
                 "summary": "新培育省级专精特新企业 35 家", "issues": "部分企业研发投入不足"}""");

        awaitArchived(name);
        Map<String, Object> task = zoneTask(it.get("zibo-gxj", "/api/zones/zibo"), "2.5.13");
        assertThat(task.get("progress")).isEqualTo(40);
        assertThat(task.get("lastReportOn")).isEqualTo(LocalDate.now(ZoneSettings.PLAN_TIME).toString());
        assertThat(task.get("lastReportSummary")).isEqualTo("新培育省级专精特新企业 35 家");
        var implement = it.planTask(pid, "implementTask", "2.5.13");
        assertThat(taskService.getVariableLocal(implement.getId(), "progress")).isEqualTo(40);
        assertThat(reports("2.5.13")).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(ProgressReport.Source.FEED);
            assertThat(r.bureau()).isEqualTo("zibo-gxj");
            assertThat(r.period()).isEqualTo("2023-Q3");
            assertThat(r.issues()).isEqualTo("部分企业研发投入不足");
        });
    }

    @Test
    void severalReportsInOneFileAreAppliedTogether() {
        String name = drop("batch", """
                [{"zoneId": "zibo", "taskCode": "2.1.1", "bureau": "zibo-fgw", "period": "2023-Q3", "progress": 30,
                  "summary": "创新平台建设方案已印发"},
                 {"zoneId": "zibo", "taskCode": "2.1.2", "bureau": "zibo-kjj", "period": "2023-Q3", "progress": "20",
                  "summary": "强基工程项目库建立"}]""");

        awaitArchived(name);
        assertThat(reports("2.1.1")).singleElement().satisfies(r -> assertThat(r.progress()).isEqualTo(30));
        assertThat(reports("2.1.2")).singleElement().satisfies(r -> assertThat(r.bureau()).isEqualTo("zibo-kjj"));
    }

    @Test
    void unknownZoneGoesToErrorWithTheReason() {
        String name = drop("zone", report("jinan", "2.5.13", "zibo-gxj", 10));

        assertThat(awaitError(name)).contains("zoneId", "未知的试验区：jinan", "unknown zone: jinan");
    }

    @Test
    void unknownTaskGoesToErrorWithTheReason() {
        String name = drop("task", report("zibo", "2.9.99", "zibo-gxj", 10));

        assertThat(awaitError(name)).contains("taskCode", "2.9.99", "zone zibo has no task 2.9.99");
    }

    @Test
    void bureauThatDoesNotLeadTheTaskGoesToError() {
        // zibo-kjj supports 2.5.13 (配合单位) but does not lead it
        String name = drop("notlead", report("zibo", "2.5.13", "zibo-kjj", 10));

        assertThat(awaitError(name)).contains("bureau", "zibo-kjj", "不是任务 2.5.13 的牵头单位",
                "does not lead task 2.5.13 (lead bureaus: zibo-gxj)");
        assertThat(reports("2.5.13")).noneMatch(r -> "zibo-kjj".equals(r.bureau()));
    }

    @Test
    void badValuesAreAllReported() {
        String name = drop("values", """
                {"zoneId": "zibo", "taskCode": "2.3.7", "bureau": "zibo-gxj", "period": "2023-Q3", "progress": 150,
                 "score": 1}""");

        assertThat(awaitError(name)).contains("progress", "150", "summary", "score", "unknown field");
        assertThat(reports("2.3.7")).isEmpty();
    }

    @Test
    void oneBadReportRejectsTheWholeFile() {
        String name = drop("mixed", "[" + report("zibo", "2.3.8", "zibo-fgw", 10) + ","
                + report("zibo", "2.3.8", "zibo-slj", 10) + "]");

        // zibo-slj supports 2.3.8, the whole file is refused: the good report is not recorded either
        assertThat(awaitError(name)).contains("[1].bureau", "zibo-slj");
        assertThat(reports("2.3.8")).isEmpty();
    }

    @Test
    void taskNotInImplementationGoesToError() {
        // Weifang has no running lifecycle in this class
        String name = drop("notrunning", report("weifang", "3.5.3", "sthjj", 10));

        assertThat(awaitError(name)).contains("3.5.3", "NOT_STARTED", "takes no progress report now");
    }

    @Test
    void malformedJsonGoesToError() {
        String name = drop("broken", "{\"zoneId\": \"zibo\", \"taskCode\": ");

        assertThat(awaitError(name)).contains("malformed");
    }

    private static String report(String zone, String task, String bureau, int progress) {
        return """
                {"zoneId": "%s", "taskCode": "%s", "bureau": "%s", "period": "2023-Q3", "progress": %d, "summary": "推进中"}"""
                .formatted(zone, task, bureau, progress);
    }

    private List<ProgressReport> reports(String taskCode) {
        return store.reports(store.running(ZONE).orElseThrow().lifecycleId(), taskCode);
    }

    private String drop(String label, String json) {
        String name = label + "-" + UUID.randomUUID() + ".json";
        hub.drop(ProgressReportFeed.FEED, name, json);
        return name;
    }

    private void awaitArchived(String name) {
        await().atMost(WAIT).until(() -> hub.find("archive", ProgressReportFeed.FEED, name).isPresent()
                || hub.find("error", ProgressReportFeed.FEED, name).isPresent());
        assertThat(hub.find("error", ProgressReportFeed.FEED, name)).as("rejected").isEmpty();
    }

    /** The reason of a rejected file (written first, then the file is moved next to it). */
    private String awaitError(String name) {
        await().atMost(WAIT).until(() -> hub.find("archive", ProgressReportFeed.FEED, name).isPresent()
                || hub.find("error", ProgressReportFeed.FEED, name).isPresent());
        assertThat(hub.find("archive", ProgressReportFeed.FEED, name)).as("%s was archived, not rejected", name).isEmpty();
        return hub.errorReport(hub.find("error", ProgressReportFeed.FEED, name).orElseThrow());
    }
}
