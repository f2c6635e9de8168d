package cn.gov.sd.pilotzone.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.monitoring.FollowUps.FollowUp;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Feed operation-data through the inbox, the fluctuation list (docs/exchange.md: revenue or electricity down at least 20%
 * against the same month a year earlier) and the one-to-one follow-ups, through the hub API with demo accounts.
 * Every test uses its own enterprises and its own month, so the shared database does not matter.
 */
@HubIntegrationTest
@Import(HubClient.class)
class OperationDataIT {

    static final String FEED = "operation-data";
    static final String HEADER = "uscc,period,revenue,profit,electricity_kwh,tax";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    FollowUps followUps;
    @Autowired
    OperationDataStore store;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    HubClient hub;

    FeedFiles files;

    @BeforeEach
    void setUp() {
        files = new FeedFiles(hub);
    }

    @Test
    void fluctuatingEnterprisesGetExactlyOneFollowUpAlsoWhenTheMonthIsResent() {
        String revenueDown = enterprise("370705", "A");
        String electricityDownExactly20 = enterprise("370705", "B");
        String only19 = enterprise("370783", null);
        String noLastYear = enterprise("370783", null);
        String unregistered = TestEnterprises.uscc("370702");
        send(HEADER, line(revenueDown, "2023-05", "1000", "1000"), line(electricityDownExactly20, "2023-05", "500", "500"),
                line(only19, "2023-05", "1000", "1000"), line(unregistered, "2023-05", "100", "100"));
        send(HEADER, line(revenueDown, "2024-05", "750", "1000"), line(electricityDownExactly20, "2024-05", "600", "400"),
                line(only19, "2024-05", "810", "1000"), line(noLastYear, "2024-05", "1", "1"),
                line(unregistered, "2024-05", "10", "100"));

        FollowUp first = awaitFollowUp(revenueDown, "2024-05", FollowUpStatus.OPEN);
        assertThat(first.candidateGroup()).isEqualTo("county-370705");
        awaitFollowUp(electricityDownExactly20, "2024-05", FollowUpStatus.OPEN);
        assertThat(awaitFollowUp(unregistered, "2024-05", FollowUpStatus.OPEN).candidateGroup()).isEqualTo("gxj");
        assertThat(followUps.find(only19, "2024-05")).isEmpty();
        assertThat(followUps.find(noLastYear, "2024-05")).isEmpty();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(revenueDown + ":2024-05")
                .taskCandidateGroup("county-370705").singleResult().getName()).isEqualTo("一对一包靠联系企业");

        // the month re-sent twice with corrected figures: replaced, not added; the 19% one now falls 30%
        for (int i = 0; i < 2; i++) {
            send(HEADER, line(revenueDown, "2024-05", "700", "1000"), line(electricityDownExactly20, "2024-05", "600", "400"),
                    line(only19, "2024-05", "700", "1000"));
        }
        awaitFollowUp(only19, "2024-05", FollowUpStatus.OPEN);
        followUps.startPending();

        assertThat(store.month(revenueDown, "2024-05").get("REVENUE")).isIn(new BigDecimal("700.00"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_data WHERE uscc = ?", Integer.class, revenueDown))
                .isEqualTo(2);
        for (String uscc : List.of(revenueDown, electricityDownExactly20, only19, unregistered)) {
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("enterpriseFollowUp")
                    .processInstanceBusinessKey(uscc + ":2024-05").count()).as(uscc).isEqualTo(1);
        }
    }

    @Test
    void goodRowsAreStoredAndBadRowsReportedLineByLine() {
        String a = enterprise("370705", null);
        String b = enterprise("370705", null);
        String name = FeedFiles.unique("ops", "csv");
        files.drop(FEED, name, FeedFiles.utf8(HEADER,
                line(a, "2024-04", "100", "200"),
                "91370705MA0000000X,2024-04,1,1,1,1",
                b + ",2024-4x,1,1,1,1",
                b + ",2024-04,-5,1,1,1",
                line(a, "2024-04", "100", "200"),
                line(b, "2024-04", "300", "400")));

        String report = files.awaitArchived(FEED, name).orElseThrow();
        assertThat(report).contains("文件已接收，以下各行未处理")
                .contains("第3行 uscc")
                .contains("第4行 period：期间格式错误（应为 YYYY-MM）：2024-4x")
                .contains("第5行 revenue：")
                .contains("第6行 period：与第2行的企业和期间重复")
                .doesNotContain("第2行 ", "第7行 ");
        assertThat(store.month(a, "2024-04").get("ELECTRICITY_KWH")).isIn(new BigDecimal("200.00"));
        assertThat(store.month(b, "2024-04").get("REVENUE")).isIn(new BigDecimal("300.00"));
    }

    @Test
    void aCorrectionOfManyChunksReplacesItsStoredRowsAndInsertsTheOthers() {
        forget("2019-02");
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            usccs.add(TestEnterprises.uscc("370705"));
        }
        List<String> first = new ArrayList<>();
        for (int i = 0; i < usccs.size(); i += 2) {
            first.add(usccs.get(i) + ",2019-02,10,1,20,1");
        }
        send("uscc,period,revenue,profit,electricity_kwh,tax", first.toArray(String[]::new));
        // every other key stored; the first chunk only new keys (a correction, not a re-sent month: its replaced rows
        // are deleted by range at the end), then new and stored ones mixed, in no order
        List<String> again = new ArrayList<>();
        for (int i = usccs.size() - 1; i >= 0; i -= 2) {
            again.add(usccs.get(i) + ",2019-02,40");
        }
        List<String> mixed = new ArrayList<>(again.subList(5_000, again.size()));
        for (int i = usccs.size() - 2; i >= 0; i -= 2) {
            mixed.add(usccs.get(i) + ",2019-02,30");
        }
        Collections.shuffle(mixed, new Random(7));
        again = new ArrayList<>(again.subList(0, 5_000));
        again.addAll(mixed);
        send("uscc,period,revenue", again.toArray(String[]::new));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_data WHERE period = '2019-02'", Integer.class))
                .isEqualTo(12_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_data WHERE period = '2019-02' "
                + "AND electricity_kwh = 20 AND revenue = 30", Integer.class)).isEqualTo(6_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_data WHERE period = '2019-02' "
                + "AND electricity_kwh IS NULL AND revenue = 40", Integer.class)).isEqualTo(6_000);
    }

    @Test
    void aResentMonthReplacesItsRowsAndKeepsTheStoredOnesTheFileDoesNotHave() {
        forget("2019-04");
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < 9_000; i++) {
            usccs.add(TestEnterprises.uscc("370705"));
        }
        List<String> first = new ArrayList<>();
        for (String uscc : usccs.subList(0, 8_000)) {
            first.add(uscc + ",2019-04,10,1,20,1");
        }
        send("uscc,period,revenue,profit,electricity_kwh,tax", first.toArray(String[]::new));
        jdbc.update("UPDATE operation_data SET updated_at = ? WHERE period = '2019-04'", LocalDateTime.of(2019, 5, 1, 0, 0));
        // 6,000 of the 8,000 stored (a re-sent month: deleted at once) and 1,000 new; 2,000 stored ones not in it
        List<String> again = new ArrayList<>();
        for (String uscc : usccs.subList(2_000, 9_000)) {
            again.add(uscc + ",2019-04,30");
        }
        Collections.shuffle(again, new Random(11));
        send("uscc,period,revenue", again.toArray(String[]::new));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_data WHERE period = '2019-04'", Integer.class))
                .isEqualTo(9_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_data WHERE period = '2019-04' "
                + "AND electricity_kwh = 20 AND revenue = 30 AND updated_at > ?", Integer.class,
                LocalDateTime.of(2019, 5, 1, 0, 0))).as("replaced, the file's column only").isEqualTo(6_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_data WHERE period = '2019-04' "
                + "AND electricity_kwh IS NULL AND revenue = 30", Integer.class)).as("new").isEqualTo(1_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_data WHERE period = '2019-04' "
                + "AND electricity_kwh = 20 AND revenue = 10 AND profit = 1 AND tax = 1 AND updated_at = ?",
                Integer.class, LocalDateTime.of(2019, 5, 1, 0, 0))).as("kept as they were").isEqualTo(2_000);
        List<String> kept = jdbc.queryForList("SELECT uscc FROM operation_data WHERE period = '2019-04' "
                + "AND revenue = 10", String.class);
        assertThat(kept).containsExactlyInAnyOrderElementsOf(usccs.subList(0, 2_000));
    }

    @Test
    void aFileRejectedAfterSomeOfItsChunksWereWrittenLeavesNothing() {
        forget("2019-03");
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < 12_000; i++) {
            lines.add(line(TestEnterprises.uscc("370705"), "2019-03", "10", "20"));
        }
        lines.add(TestEnterprises.uscc("370705") + ",2019-03,\"10,1,1,1"); // a quote never closed: malformed
        String name = FeedFiles.unique("ops", "csv");
        files.drop(FEED, name, FeedFiles.utf8(lines.toArray(String[]::new)));

        assertThat(files.awaitRejected(FEED, name)).contains("malformed CSV");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_data WHERE period = '2019-03'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_month WHERE period = '2019-03'", Integer.class))
                .isZero();
    }

    @Test
    void aBureauSendingOnlyItsColumnKeepsTheOthersFigures() {
        String a = enterprise("370705", null);
        send(HEADER, a + ",2024-03,1000.50,80,2000,30");
        send("统一社会信用代码,期间,用电量", a + ",2024-03,1500");

        Map<String, Object> month = store.month(a, "2024-03");
        assertThat((BigDecimal) month.get("REVENUE")).isEqualByComparingTo("1000.50");
        assertThat((BigDecimal) month.get("PROFIT")).isEqualByComparingTo("80");
        assertThat((BigDecimal) month.get("ELECTRICITY_KWH")).isEqualByComparingTo("1500");

        send("uscc,period,profit", a + ",2024-03,");
        assertThat(store.month(a, "2024-03").get("PROFIT")).isNull();
    }

    @Test
    void theFluctuationListIsScopedByCountyAndExportedToExcel() throws Exception {
        String kuiwen = enterprise("370705", "A");
        String shouguang = enterprise("370783", "D");
        String unregistered = TestEnterprises.uscc("370702");
        send(HEADER, line(kuiwen, "2023-07", "2000", "100"), line(shouguang, "2023-07", "100", "100"),
                line(unregistered, "2023-07", "100", "100"));
        send(HEADER, line(kuiwen, "2024-07", "1500", "100"), line(shouguang, "2024-07", "100", "50"),
                line(unregistered, "2024-07", "10", "100"));
        awaitFollowUp(kuiwen, "2024-07", FollowUpStatus.OPEN);

        JsonNode county = list("county-370705", "2024-07");
        assertThat(usccs(county)).contains(kuiwen).doesNotContain(shouguang, unregistered);
        JsonNode row = find(county, kuiwen);
        assertThat(row.path("enterpriseClass").asText()).isEqualTo("A");
        assertThat(row.path("priority").asBoolean()).isTrue();
        assertThat(row.path("countyName").asText()).isEqualTo("奎文区工信局");
        assertThat(row.path("revenue").decimalValue()).isEqualByComparingTo("1500");
        assertThat(row.path("revenueLastYear").decimalValue()).isEqualByComparingTo("2000");
        assertThat(row.path("revenueChange").decimalValue()).isEqualByComparingTo("-0.25");
        assertThat(row.path("electricityChange").decimalValue()).isEqualByComparingTo("0");
        assertThat(row.path("followUpStatus").asText()).isEqualTo("OPEN");
        assertThat(usccs(list("county-370783", "2024-07"))).contains(shouguang).doesNotContain(kuiwen);
        for (String all : List.of("gxj", "tjj", "supervisor")) {
            assertThat(usccs(list(all, "2024-07"))).as(all).contains(kuiwen, shouguang, unregistered);
        }
        JsonNode everything = list("gxj", "2024-07");
        assertThat(everything.get(0).path("priority").asBoolean()).isTrue(); // class A first

        assertThat(hub.call("kjj", HttpMethod.GET, "/api/monitoring/fluctuations?period=2024-07", null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> noPeriod = hub.call("gxj", HttpMethod.GET, "/api/monitoring/fluctuations", null);
        assertThat(noPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hub.read(noPeriod.getBody()).path("fields").get(0).path("field").asText()).isEqualTo("period");
        assertThat(hub.call("gxj", HttpMethod.GET, "/api/monitoring/fluctuations?period=2024-7", null)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("county-370705", "demo")
                .getForEntity("/api/monitoring/fluctuations.xlsx?period=2024-07", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("fluctuations-2024-07.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("波动企业清单 2024-07");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).startsWith("统一社会信用代码", "企业名称", "区县", "亩产效益等级", "重点保障（A类）",
                    "本月营业收入（元）", "上年同月营业收入（元）", "营业收入同比");
            Row ours = null;
            for (Row r : sheet) {
                if (kuiwen.equals(r.getCell(0).getStringCellValue())) {
                    ours = r;
                }
            }
            assertThat(ours).isNotNull();
            assertThat(ours.getCell(4).getStringCellValue()).isEqualTo("优先");
            assertThat(ours.getCell(5).getNumericCellValue()).isEqualTo(1500.0);
            assertThat(ours.getCell(7).getNumericCellValue()).isEqualTo(-0.25);
            assertThat(ours.getCell(11).getStringCellValue()).isEqualTo("待联系");
            for (Row r : sheet) {
                assertThat(r.getCell(0).getStringCellValue()).isNotIn(shouguang, unregistered);
            }
        }
    }

    @Test
    void theCountyClerkRecordsTheContactAndASupervisorReturnsThenClosesIt() {
        String uscc = enterprise("370705", "B");
        send(HEADER, line(uscc, "2023-08", "1000", "1000"));
        send(HEADER, line(uscc, "2024-08", "500", "1000"));
        String key = uscc + ":2024-08";
        awaitFollowUp(uscc, "2024-08", FollowUpStatus.OPEN);

        ResponseEntity<String> incomplete = completion("county-370705", key, "contactEnterprise",
                Map.of("decision", "approve", "fields", Map.of("problems", "订单下降")));
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hub.read(incomplete.getBody()).path("fields").findValuesAsText("field")).containsExactly("fields.measures");
        assertThat(completion("county-370705", key, "contactEnterprise", Map.of("decision", "approve", "fields",
                Map.of("problems", "x", "measures", "y", "contactedOn", "2999-01-01"))).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        complete("county-370705", key, "contactEnterprise", Map.of("decision", "approve", "comment", "已上门走访",
                "fields", Map.of("problems", "外贸订单下降，流动资金紧张", "measures", "对接银行续贷，组织参加广交会",
                        "contactPerson", "王经理", "contactedOn", "2024-09-03")));
        FollowUp recorded = awaitFollowUp(uscc, "2024-08", FollowUpStatus.IN_REVIEW);
        assertThat(recorded.problems()).isEqualTo("外贸订单下降，流动资金紧张");
        assertThat(recorded.measures()).isEqualTo("对接银行续贷，组织参加广交会");
        assertThat(recorded.handledBy()).isEqualTo("county-370705");
        assertThat(taskOf("county-370705", key, "supervisorReview")).isEmpty();

        complete("supervisor", key, "supervisorReview", Map.of("decision", "return", "comment", "请补充帮扶成效"));
        awaitFollowUp(uscc, "2024-08", FollowUpStatus.OPEN);
        complete("county-370705", key, "contactEnterprise", Map.of("decision", "approve", "fields",
                Map.of("problems", "外贸订单下降", "measures", "续贷已落实，订单恢复中")));
        complete("supervisor", key, "supervisorReview", Map.of("decision", "approve", "comment", "办结"));

        assertThat(awaitFollowUp(uscc, "2024-08", FollowUpStatus.CLOSED).measures()).isEqualTo("续贷已落实，订单恢复中");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        assertThat(find(list("gxj", "2024-08"), uscc).path("followUpStatus").asText()).isEqualTo("CLOSED");
    }

    @Test
    void anOverdueContactEscalatesToTheSupervisors() {
        String uscc = enterprise("370783", null);
        send(HEADER, line(uscc, "2023-09", "1000", "1000"));
        send(HEADER, line(uscc, "2024-09", "1000", "100"));
        String key = uscc + ":2024-09";
        FollowUp open = awaitFollowUp(uscc, "2024-09", FollowUpStatus.OPEN);
        assertThat(taskService.createTaskQuery().processInstanceId(open.processInstanceId()).singleResult().getDueDate())
                .isNotNull();

        // the P15D timer, due now instead of in fifteen days: the async executor runs it as it would then
        Job timer = management.createTimerJobQuery().processInstanceId(open.processInstanceId()).singleResult();
        management.moveTimerToExecutableJob(timer.getId());

        awaitFollowUp(uscc, "2024-09", FollowUpStatus.ESCALATED);
        assertThat(hub.awaitTask("supervisor", key, "superviseOverdue")).isNotNull();
        assertThat(taskOf("county-370783", key, "contactEnterprise")).isPresent();

        complete("county-370783", key, "contactEnterprise", Map.of("decision", "approve", "fields",
                Map.of("problems", "停产检修", "measures", "协调电力保障")));
        complete("supervisor", key, "supervisorReview", Map.of("decision", "approve"));

        awaitFollowUp(uscc, "2024-09", FollowUpStatus.CLOSED);
        assertThat(taskService.createTaskQuery().processInstanceId(open.processInstanceId()).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(open.processInstanceId())
                .singleResult().getEndTime()).isNotNull();
    }

    private String enterprise(String county, String muClass) {
        String uscc = TestEnterprises.uscc(county);
        registry.upsert(List.of(TestEnterprises.enterprise(uscc, "运行监测测试" + uscc.substring(12) + "有限公司", county,
                muClass, true)));
        return uscc;
    }

    /** This test's month as if never sent (the MariaDB suite's database outlives a run). */
    private void forget(String period) {
        jdbc.update("DELETE FROM operation_data WHERE period = ?", period);
        jdbc.update("DELETE FROM operation_month WHERE period = ?", period);
    }

    private static String line(String uscc, String period, String revenue, String electricity) {
        return uscc + "," + period + "," + revenue + ",1," + electricity + ",1";
    }

    private void send(String header, String... lines) {
        String name = FeedFiles.unique("ops", "csv");
        String[] all = new String[lines.length + 1];
        all[0] = header;
        System.arraycopy(lines, 0, all, 1, lines.length);
        files.drop(FEED, name, FeedFiles.utf8(all));
        assertThat(files.awaitArchived(FEED, name)).isEmpty();
    }

    private FollowUp awaitFollowUp(String uscc, String period, FollowUpStatus status) {
        return await().atMost(WAIT).until(() -> followUps.find(uscc, period).orElse(null),
                f -> f != null && f.status() == status);
    }

    private JsonNode list(String user, String period) {
        return hub.getJson(user, "/api/monitoring/fluctuations?period=" + period);
    }

    private static List<String> usccs(JsonNode list) {
        return list.findValuesAsText("uscc");
    }

    private static JsonNode find(JsonNode list, String uscc) {
        for (JsonNode n : list) {
            if (uscc.equals(n.path("uscc").asText())) {
                return n;
            }
        }
        throw new AssertionError(uscc + " not on the list");
    }

    private Optional<String> taskOf(String user, String businessKey, String taskKey) {
        return hub.findTask(user, businessKey, taskKey);
    }

    private ResponseEntity<String> completion(String user, String businessKey, String taskKey, Map<String, Object> form) {
        return hub.complete(user, hub.awaitTask(user, businessKey, taskKey), form);
    }

    private void complete(String user, String businessKey, String taskKey, Map<String, Object> form) {
        hub.decide(user, businessKey, taskKey, form);
    }
}
