package cn.gov.sd.pilotzone.zone;

import static cn.gov.sd.pilotzone.zone.ZoneItSupport.WAIT;
import static cn.gov.sd.pilotzone.zone.ZoneItSupport.evidence;
import static cn.gov.sd.pilotzone.zone.ZoneItSupport.report;
import static cn.gov.sd.pilotzone.zone.ZoneItSupport.zoneTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Weifang lifecycle through all three phases, with periods of seconds: mobilization, 24 parallel task
 * instances with reports, a missing report and an overdue task escalated to the supervisors, a completion returned
 * by the coordinator, the bulletin while tasks are overdue, counties first (先行先验), a failed expert acceptance,
 * rectification and a second, passing acceptance.
 */
@HubIntegrationTest
@Import(HubClient.class)
class ZoneLifecycleIT {

    static final String ZONE = "weifang";
    /** Mobilization ends at once, tasks are due 8 s into implementation, reports every 3 s. */
    static final Timeline.Overrides FAST = new Timeline.Overrides("PT0S", "PT8S", "PT3S", "PT2S");
    static final String SILENT = "3.5.3";   // never reports: escalated for the missing report, then overdue
    static final String LATE = "3.6.4";     // reports, but is still open when the tasks fall due

    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ZoneLifecycles lifecycles;
    @Autowired
    ZoneStore store;
    @Autowired
    ZonePlans plans;

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
    void weifangRunsThroughAllThreePhases() throws Exception {
        assertThat(it.post("gxj", "/api/zones/" + ZONE + "/lifecycle", FAST).getStatusCode())
                .as("seconds are the administrator's").isEqualTo(HttpStatus.BAD_REQUEST);
        String pid = it.start("admin", ZONE, FAST);
        assertThat(it.get("supervisor", "/api/zones/" + ZONE).get("phase")).isEqualTo("MOBILIZATION");

        mobilization(pid);
        implementation(pid);
        acceptance(pid);

        await().atMost(WAIT).until(() -> runtime.createProcessInstanceQuery().processInstanceId(pid).count() == 0);
        Map<String, Object> zone = it.get("supervisor", "/api/zones/" + ZONE);
        assertThat(zone.get("phase")).isEqualTo("COMPLETED");
        @SuppressWarnings("unchecked")
        Map<String, Object> lifecycle = (Map<String, Object>) zone.get("lifecycle");
        assertThat(lifecycle.get("status")).isEqualTo("ACCEPTED");
        assertThat(lifecycle.get("acceptanceRound")).isEqualTo(2);
        assertThat(((Number) lifecycle.get("acceptanceScore")).doubleValue()).isEqualTo(85.0);
        assertThat(lifecycle.get("openEscalations")).isEqualTo(0);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndTime())
                .isNotNull();
    }

    private void mobilization(String pid) {
        it.completeOk("gxj", it.task(pid, "research"), "approve", "调研论证、征求意见完成", Map.of());

        Task adopt = it.task(pid, "adoptPlan");
        ResponseEntity<Map<String, Object>> missing = it.complete("gxj", adopt.getId(), "approve", null, Map.of());
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().toString()).contains("fields.planDocument");
        // returned for more consultation, then adopted with the plan document attached
        it.completeOk("gxj", adopt, "return", "需进一步征求意见", Map.of());
        it.completeOk("gxj", it.task(pid, "research"), "approve", "已补充征求意见", Map.of());
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4 总体方案".getBytes(StandardCharsets.UTF_8));
        it.completeOk("gxj", it.task(pid, "adoptPlan"), "approve", "经市政府常务会议研究通过",
                Map.of("planDocument", Map.of("name", "潍坊市创建制造业高质量发展试验区总体方案.pdf", "content", pdf,
                        "contentType", "application/pdf")));
        assertThat(taskService.getProcessInstanceAttachments(pid)).singleElement()
                .satisfies(a -> assertThat(a.getName()).isEqualTo("潍坊市创建制造业高质量发展试验区总体方案.pdf"));

        it.completeOk("gxj", it.task(pid, "confirmResponsibilities"), "approve", "24 项任务责任单位已确认", Map.of());
        Task publicity = it.task(pid, "publicity");
        assertThat(it.complete("gxj", publicity.getId(), "approve", null, Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        it.completeOk("gxj", publicity, "approve", null, Map.of("publicity", "电视台、报社设立专栏，新媒体宣传"));
    }

    private void implementation(String pid) throws Exception {
        await().atMost(WAIT).until(() -> it.tasks(pid, "implementTask").size() == 24);
        assertThat(it.get("supervisor", "/api/zones/" + ZONE).get("phase")).isEqualTo("IMPLEMENTATION");

        // one instance per plan task, which keeps its own decision (parallel completions do not share one)
        assertThat(runtime.createExecutionQuery().processInstanceId(pid).activityId("implementation").list())
                .filteredOn(e -> runtime.hasVariableLocal(e.getId(), "taskCode"))
                .hasSize(24).allMatch(e -> runtime.hasVariableLocal(e.getId(), "decision"));
        // for its lead bureaus, with the supporting units on the task
        Task silent = it.planTask(pid, "implementTask", SILENT);
        assertThat(taskService.getIdentityLinksForTask(silent.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("sthjj");
        assertThat(silent.getName()).isEqualTo("落实任务：3.5.3 探索环保服务高质量发展路径");
        assertThat(silent.getDescription()).contains("牵头单位：市生态环境局", "配合单位：各县市区政府、市属各开发区管委会、市发改委、市工信局");
        assertThat(silent.getDueDate()).isNotNull();
        assertThat(it.getList("sthjj", "/api/tasks")).anyMatch(t -> silent.getId().equals(t.get("id")));
        Map<String, Object> zone = it.get("sthjj", "/api/zones/" + ZONE);
        assertThat(zoneTask(zone, SILENT).get("supportingUnits").toString()).contains("kfq", "市属各开发区管委会");
        assertThat(zoneTask(zone, SILENT).get("status")).isEqualTo("IN_PROGRESS");

        // every other task reports, by its first lead bureau's clerk (the late one by API)
        List<PlanTask> others = plans.get(ZONE).tasks().filter(t -> !t.code().equals(SILENT)).toList();
        ResponseEntity<Map<String, Object>> byApi = it.post("gxj", "/api/zones/" + ZONE + "/tasks/" + LATE + "/reports",
                report("2021-Q3", 50, "资金支持方式优化方案起草中"));
        assertThat(byApi.getStatusCode()).as("%s", byApi.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(byApi.getBody().get("bureau")).isEqualTo("gxj");
        others.stream().filter(t -> !t.code().equals(LATE))
                .forEach(t -> it.reportDirect(ZONE, t.code(), t.leadBureaus().get(0), 50));
        assertThat(zoneTask(it.get("gxj", "/api/zones/" + ZONE), LATE).get("progress")).isEqualTo(50);
        assertThat(taskService.getVariableLocal(it.planTask(pid, "implementTask", LATE).getId(), "progress")).isEqualTo(50);
        // and all but the late one are completed with evidence and confirmed
        for (PlanTask t : others) {
            if (!t.code().equals(LATE)) {
                String lead = t.leadBureaus().get(0);
                it.completeDirect(lead, it.planTask(pid, "implementTask", t.code()), "approve", null,
                        evidence(t.code() + ".pdf"));
                it.completeDirect("gxj", it.planTask(pid, "confirmCompletion", t.code()), "approve", "确认完成", Map.of());
            }
        }

        // the silent task's missing report reaches the supervisors
        await().atMost(WAIT).until(() -> it.planTaskOrNull(pid, "superviseMissingReport", SILENT) != null);
        Task missing = it.planTask(pid, "superviseMissingReport", SILENT);
        assertThat(it.getList("supervisor", "/api/tasks")).anyMatch(t -> missing.getId().equals(t.get("id"))
                && ((String) t.get("name")).contains("3.5.3") && ((String) t.get("name")).contains("未按期报送进展"));
        assertThat(zoneTask(it.get("supervisor", "/api/zones/" + ZONE), SILENT).get("escalations").toString())
                .contains("MISSING_REPORT");
        assertThat(it.planTaskOrNull(pid, "superviseMissingReport", "3.5.2")).as("a done task").isNull();
        ResponseEntity<Map<String, Object>> noComment = it.complete("supervisor", missing.getId(), "approve", null, Map.of());
        assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String escalationId = (String) taskService.getVariable(missing.getId(), "escalationId");
        it.completeOk("supervisor", missing, "approve", "已约谈市生态环境局，要求按期报送", Map.of());
        // handled (a later period without a report would raise a new one)
        assertThat(store.escalations(store.running(ZONE).orElseThrow().lifecycleId()))
                .filteredOn(e -> e.id().equals(escalationId)).singleElement()
                .satisfies(e -> assertThat(e.resolvedBy()).isEqualTo("supervisor"))
                .satisfies(e -> assertThat(e.note()).isEqualTo("已约谈市生态环境局，要求按期报送"));

        // both open tasks fall due: overdue, escalated, in the bulletin
        Task overdue = it.planTask(pid, "superviseOverdue", SILENT);
        it.planTask(pid, "superviseOverdue", LATE);
        assertThat(overdue.getName()).contains("逾期未完成");
        Map<String, Object> late = zoneTask(it.get("supervisor", "/api/zones/" + ZONE), SILENT);
        assertThat(late.get("overdue")).isEqualTo(true);
        assertThat(late.get("escalations").toString()).contains("OVERDUE");
        checkBulletin();

        // the late one reports by API and is done; the silent one is returned once by the coordinator
        finish(pid, plans.get(ZONE).task(LATE).orElseThrow());
        it.completeOk("sthjj", it.planTask(pid, "implementTask", SILENT), "approve", "已形成环保服务工作方案",
                evidence("环保服务方案.pdf"));
        it.completeOk("gxj", it.planTask(pid, "confirmCompletion", SILENT), "return", "佐证材料不全，请补充", Map.of());
        Task again = it.planTask(pid, "implementTask", SILENT);
        assertThat(zoneTask(it.get("sthjj", "/api/zones/" + ZONE), SILENT).get("status")).isEqualTo("IN_PROGRESS");
        it.completeOk("sthjj", again, "approve", "已补充佐证材料", evidence("环保服务方案-补充.pdf"));
        it.completeOk("gxj", it.planTask(pid, "confirmCompletion", SILENT), "approve", "确认完成", Map.of());

        // done tasks carry no open escalation; the supervisor's open 督办 tasks went with them
        Map<String, Object> done = zoneTask(it.get("supervisor", "/api/zones/" + ZONE), SILENT);
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(done.get("progress")).isEqualTo(100);
        assertThat(done.get("escalations").toString()).isEqualTo("[]");
        assertThat(it.planTaskOrNull(pid, "superviseOverdue", SILENT)).isNull();
    }

    private void finish(String pid, PlanTask t) {
        String lead = t.leadBureaus().get(0);
        it.completeOk(lead, it.planTask(pid, "implementTask", t.code()), "approve", null, evidence(t.code() + ".pdf"));
        it.completeOk("gxj", it.planTask(pid, "confirmCompletion", t.code()), "approve", "确认完成", Map.of());
    }

    /** The supervisor bulletin while two tasks are overdue: JSON and the Excel workbook. */
    @SuppressWarnings("unchecked")
    private void checkBulletin() throws Exception {
        Map<String, Object> bulletin = it.get("supervisor", "/api/zones/" + ZONE + "/bulletin");
        assertThat((List<?>) bulletin.get("actions")).hasSize(6);
        Map<String, Object> totals = (Map<String, Object>) bulletin.get("totals");
        assertThat(totals.get("tasks")).isEqualTo(24);
        assertThat(totals.get("done")).isEqualTo(22);
        assertThat(totals.get("overdue")).isEqualTo(2);

        ResponseEntity<byte[]> xlsx = it.as("supervisor").exchange("/api/zones/" + ZONE + "/bulletin.xlsx",
                HttpMethod.GET, null, byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType()).isEqualTo(ZoneController.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("潍坊市制造业高质量发展试验区", "定期通报");
            Row header = sheet.getRow(BulletinWorkbook.HEADER_ROW);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("任务编号");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("牵头单位");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("逾期天数");
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0));
            List<String> actionRows = new ArrayList<>();
            Row silent = null;
            Row done = null;
            int taskRows = 0;
            for (int r = BulletinWorkbook.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String first = row.getCell(0).getStringCellValue();
                if (first.matches("3\\.\\d \\S.*")) {
                    actionRows.add(first);
                } else {
                    taskRows++;
                    if (first.equals(SILENT)) {
                        silent = row;
                    } else if (first.equals("3.1.1")) {
                        done = row;
                    }
                }
            }
            assertThat(actionRows).hasSize(6);
            assertThat(actionRows.get(4)).startsWith("3.5 实施绿色安全发展专项行动");
            assertThat(taskRows).isEqualTo(24);
            assertThat(silent.getCell(1).getStringCellValue()).isEqualTo("探索环保服务高质量发展路径");
            assertThat(silent.getCell(2).getStringCellValue()).isEqualTo("市生态环境局");
            assertThat(silent.getCell(4).getStringCellValue()).isEqualTo("推进中");
            assertThat(silent.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(silent.getCell(8).getNumericCellValue()).isZero(); // overdue by seconds: 0 whole days
            assertThat(silent.getCell(9).getStringCellValue()).contains("逾期未完成");
            assertThat(done.getCell(2).getStringCellValue()).startsWith("市工信局、市发改委");
            assertThat(done.getCell(4).getStringCellValue()).isEqualTo("已完成");
            assertThat(done.getCell(5).getNumericCellValue()).isEqualTo(100);
            assertThat(done.getCell(6).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.now(ZoneSettings.PLAN_TIME));
            assertThat(done.getCell(8).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    private void acceptance(String pid) {
        // counties first (先行先验): the coordinator picks them (the plan preselects none)
        Task select = it.task(pid, "selectFirstCounties");
        assertThat(it.get("supervisor", "/api/zones/" + ZONE).get("phase")).isEqualTo("ACCEPTANCE");
        ResponseEntity<Map<String, Object>> none = it.complete("gxj", select.getId(), "approve", null, Map.of());
        assertThat(none.getBody().toString()).contains("fields.firstCounties");
        ResponseEntity<Map<String, Object>> notCounty = it.complete("gxj", select.getId(), "approve", null,
                Map.of("firstCounties", List.of("county-370705", "fgw")));
        assertThat(notCounty.getBody().toString()).contains("fgw");
        it.completeOk("gxj", select, "approve", "选择奎文区、寿光市先行先验",
                Map.of("firstCounties", List.of("county-370705", "county-370783")));
        await().atMost(WAIT).until(() -> it.tasks(pid, "countyAcceptance").size() == 2);
        List<Task> counties = it.tasks(pid, "countyAcceptance");
        assertThat(counties).extracting(Task::getName)
                .containsExactlyInAnyOrder("先行先验验收：奎文区工信局", "先行先验验收：寿光市工信局");
        assertThat(it.tasks(pid, "organizeAcceptance")).as("experts only after the counties").isEmpty();
        it.completeOk("gxj", counties.get(0), "approve", "先行先验通过", Map.of("score", 88));
        it.completeOk("gxj", counties.get(1), "reject", "部分指标未达标，纳入整体验收整改", Map.of("score", 72.5));

        // expert acceptance, round 1: several experts, mean 75 < 80 → rectification
        Task organize = it.task(pid, "organizeAcceptance");
        ResponseEntity<Map<String, Object>> tooFew = it.complete("gxj", organize.getId(), "approve", null,
                Map.of("experts", List.of("expert-1", "expert-2")));
        assertThat(tooFew.getBody().toString()).contains("fields.experts");
        it.completeOk("gxj", organize, "approve", "组织专家验收",
                Map.of("experts", List.of("expert-1", "expert-2", "expert-3")));
        score(pid, Map.of("expert-1", 70, "expert-2", 75, "expert-3", 80));
        Task rectification = it.task(pid, "rectification");
        assertThat(rectification.getDueDate()).isNotNull();
        assertThat(it.complete("gxj", rectification.getId(), "approve", null, Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        // the deadline passes: the supervisors are told
        Task rectificationEscalated = it.task(pid, "superviseRectification");
        assertThat(rectificationEscalated.getName()).isEqualTo("督办·验收整改逾期");
        it.completeOk("gxj", rectification, "approve", "已按专家意见完成整改", evidence("整改报告.pdf"));

        // round 2, same experts (not named again): mean 85 → accepted
        it.completeOk("gxj", it.task(pid, "organizeAcceptance"), "approve", "整改后重新验收", Map.of());
        Task scoreOutOfRange = await().atMost(WAIT).until(() -> it.tasks(pid, "expertReview"), l -> l.size() == 3).get(0);
        assertThat(it.complete(scoreOutOfRange.getAssignee(), scoreOutOfRange.getId(), "approve", null,
                Map.of("score", 101)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        score(pid, Map.of("expert-1", 85, "expert-2", 90, "expert-3", 80));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) it.get("gxj", "/api/zones/" + ZONE).get("acceptance");
        assertThat(results).filteredOn(r -> "COUNTY".equals(r.get("kind"))).extracting(r -> r.get("subjectName"))
                .containsExactlyInAnyOrder("奎文区工信局", "寿光市工信局");
        assertThat(results).filteredOn(r -> "EXPERT".equals(r.get("kind"))).hasSize(6);
    }

    private void score(String pid, Map<String, Integer> scores) {
        await().atMost(WAIT).until(() -> it.tasks(pid, "expertReview").size() == scores.size());
        for (Task t : it.tasks(pid, "expertReview")) {
            String expert = (String) taskService.getVariable(t.getId(), "expert");
            assertThat(t.getName()).startsWith("专家评分：" + expert + "（第");
            assertThat(t.getAssignee()).as("each expert scores in their own task").isEqualTo(expert);
            for (String worksAnyTask : List.of("admin", "system")) {
                ResponseEntity<Map<String, Object>> onBehalf = it.complete(worksAnyTask, t.getId(), "approve", null,
                        Map.of("score", 100));
                assertThat(onBehalf.getStatusCode()).as(worksAnyTask + " scores for " + expert)
                        .isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(onBehalf.getBody().toString()).contains("task.assigneeOnly");
            }
            assertThat(it.complete("gxj", t.getId(), "approve", null, Map.of("score", 100)).getStatusCode())
                    .as("the coordinator no longer records the experts' scores").isEqualTo(HttpStatus.NOT_FOUND);
            it.completeOk(expert, t, "approve", expert + "的评审意见", Map.of("score", scores.get(expert)));
        }
    }
}
