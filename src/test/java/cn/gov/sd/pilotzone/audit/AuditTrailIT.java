package cn.gov.sd.pilotzone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.Applications;
import cn.gov.sd.pilotzone.award.AwardApplication;
import cn.gov.sd.pilotzone.award.Payments;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each kind of event lands in the audit trail with who, when, from where, what and target, through the real entry
 * points; the trail is searchable and exportable by administrators only.
 */
@HubIntegrationTest
class AuditTrailIT {

    private static final String DEMO = "demo";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditTrail audit;

    @Autowired
    TaskService taskService;

    @Autowired
    Payments payments;

    @Autowired
    TransactionTemplate transactions;

    @Value("${hub.data-dir}")
    Path dataDir;

    @Test
    void aTaskDecisionWithAnAmountIsADecisionAndAnAmountChange() throws Exception {
        String applicationId = fileApplication();
        Task task = waitingTask(applicationId);
        Instant before = Instant.now().minusSeconds(1);

        ResponseEntity<String> done = post("county-370705", "/api/tasks/" + task.getId() + "/complete",
                "{\"decision\":\"approve\",\"comment\":\"材料齐全\",\"approvedAmount\":1000.00}");
        assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();

        AuditEntry decision = one("county-370705", AuditType.TASK_DECISION, applicationId);
        assertThat(decision.details()).contains("approve").contains("材料齐全").contains("1000.00");
        assertThat(decision.at()).isAfter(before);
        assertThat(decision.clientIp()).isNotBlank();
        assertThat(one("county-370705", AuditType.AMOUNT_CHANGE, applicationId).details()).contains("1000.00");
    }

    @Test
    void aRefusedDecisionLeavesNoEntry() throws Exception {
        String applicationId = fileApplication();
        Task task = waitingTask(applicationId);

        assertThat(post("county-370705", "/api/tasks/" + task.getId() + "/complete", "{\"decision\":\"reject\"}")
                .getStatusCode().value()).isEqualTo(400);

        assertThat(audit.search(new AuditQuery(null, AuditType.TASK_DECISION, applicationId, null, null, 5)))
                .isEmpty();
    }

    @Test
    void aPaymentIssuedAgainAfterAFailureIsAReissue() {
        String applicationId = "AUDIT-" + UUID.randomUUID();
        AwardApplication app = new AwardApplication(applicationId, Applications.KUIWEN_USCC, "审计测试企业", "370705",
                "SINGLE_CHAMPION_NATIONAL", AwardApplication.Channel.APPLY, LocalDate.of(2025, 3, 1),
                AwardApplication.Status.PAYING, new BigDecimal("1000.00"), null, List.of(), null, "{}",
                Instant.now(), Instant.now());
        String first = transactions.execute(s -> payments.issue(app, new BigDecimal("1000.00"),
                new Payments.Account("银行", "审计测试企业", "6222000011112222")));
        payments.recordReceipt(first, Payments.Status.FAILED, LocalDate.now(), null, "account closed");
        String second = transactions.execute(s -> payments.issue(app, new BigDecimal("1000.00"),
                new Payments.Account("银行", "审计测试企业", "6222000033334444")));

        AuditEntry reissue = one(null, AuditType.PAYMENT_REISSUE, applicationId);
        assertThat(reissue.target()).contains(second);
        assertThat(reissue.details()).contains("6222000033334444");
    }

    @Test
    void exportsReprocessedFilesAndAdministratorActionsAreRecorded() throws Exception {
        // a parameter the export ignores tells this request's entry from other tests' exports
        String asked = "/export/ledger.xlsx?run=" + UUID.randomUUID();
        Instant before = Instant.now();
        ResponseEntity<byte[]> ledger = rest.withBasicAuth("gxj", DEMO).getForEntity(asked, byte[].class);
        assertThat(ledger.getStatusCode().value()).isEqualTo(200);
        // committed before the first byte of the file was sent: there the moment the client has the file
        AuditEntry export = one("gxj", AuditType.EXPORT, asked);
        assertThat(export.at()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(export.clientIp()).isEqualTo("127.0.0.1");
        assertThat(export.details()).contains("spreadsheetml");

        String original = "audit-" + UUID.randomUUID() + ".csv";
        String stored = "20250101-000000-000_" + original;
        Path dir = Files.createDirectories(dataDir.resolve("error/credit-records"));
        Files.writeString(dir.resolve(stored), "not,a,credit,record\n");
        Files.writeString(dir.resolve(stored + ".error.txt"), "fixture\n");
        ResponseEntity<String> requeued = post("supervisor", "/api/dashboard/feeds/credit-records/reprocess",
                "{\"file\":\"" + stored + "\"}");
        assertThat(requeued.getStatusCode().is2xxSuccessful()).as(requeued.getBody()).isTrue();
        assertThat(one("supervisor", AuditType.FILE_REPROCESS, original).details()).contains(stored);

        post("admin", "/api/zones/zibo/lifecycle", "{}");
        assertThat(audit.search(new AuditQuery("admin", AuditType.ADMIN_ACTION, "/api/zones/zibo/lifecycle", null,
                null, 5))).isNotEmpty();
    }

    @Test
    void failedLoginsAreRecordedWithTheNameTried() {
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        rest.withBasicAuth(ghost, "wrong").getForEntity("/api/tasks", String.class);

        assertThat(one(ghost, AuditType.LOGIN_FAILED, ghost).details()).isEqualTo("BadCredentialsException");
    }

    @Test
    void onlyAdministratorsSearchAndExportTheTrail() throws Exception {
        for (String account : List.of("supervisor", "system", "gxj", "county-370705")) {
            for (String path : List.of("/api/audit", "/api/audit.csv", "/api/audit.xlsx", "/audit")) {
                assertThat(rest.withBasicAuth(account, DEMO).getForEntity(path, String.class).getStatusCode().value())
                        .as(account + " " + path).isEqualTo(403);
            }
        }
        assertThat(rest.getForEntity("/api/audit", String.class).getStatusCode().value()).isEqualTo(401);

        rest.withBasicAuth("=cmd|' /C calc'!A0", "x").getForEntity("/api/tasks", String.class);
        JsonNode found = json.readTree(rest.withBasicAuth("admin", DEMO)
                .getForEntity("/api/audit?type=LOGIN_FAILED&limit=5", String.class).getBody());
        assertThat(found.isArray()).isTrue();
        assertThat(found.get(0).path("type").asText()).isEqualTo("LOGIN_FAILED");

        ResponseEntity<String> csv = rest.withBasicAuth("admin", DEMO)
                .getForEntity("/api/audit.csv?type=LOGIN_FAILED", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("occurred_at_utc").contains("'=cmd|");

        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("admin", DEMO)
                .getForEntity("/api/audit.xlsx?type=LOGIN_FAILED", byte[].class);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(4).getStringCellValue()).isEqualTo("event_type");
        }
        assertThat(audit.search(new AuditQuery("admin", AuditType.EXPORT, "/api/audit.xlsx", null, null, 5)))
                .isNotEmpty();

        HttpHeaders page = new HttpHeaders();
        page.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> html = rest.withBasicAuth("admin", DEMO).exchange("/audit?type=LOGIN_FAILED",
                HttpMethod.GET, new HttpEntity<>(page), String.class);
        assertThat(html.getStatusCode().value()).isEqualTo(200);
        assertThat(html.getBody()).contains("audit-table").contains("LOGIN_FAILED");
    }

    /**
     * The five filters are bound once for the JSON, both downloads and the page: each applies them alike, refuses a
     * value that does not convert and one given twice with a 400 naming the parameter.
     */
    @Test
    void everyAuditHandlerAppliesTheSameFiltersAndRefusesBadOrRepeatedOnes() throws Exception {
        String target = "bound-" + UUID.randomUUID();
        audit.record("alice", AuditType.ADMIN_ACTION, target, "one");
        audit.record("bob", AuditType.EXPORT, target, "two");
        String filters = "?actor=alice&type=ADMIN_ACTION&target=" + target + "&from=2000-01-01T00:00:00Z&to=";

        JsonNode found = json.readTree(rest.withBasicAuth("admin", DEMO).getForEntity("/api/audit" + filters,
                String.class).getBody());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("details").asText()).isEqualTo("one");
        String csv = rest.withBasicAuth("admin", DEMO).getForEntity("/api/audit.csv" + filters, String.class)
                .getBody();
        assertThat(csv).contains("alice").doesNotContain("bob");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(rest.withBasicAuth("admin", DEMO)
                .getForEntity("/api/audit.xlsx" + filters, byte[].class).getBody()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));
        String page = rest.withBasicAuth("admin", DEMO).exchange("/audit" + filters, HttpMethod.GET,
                new HttpEntity<>(html), String.class).getBody();
        assertThat(page).contains(target).contains("value=\"alice\"").doesNotContain(">bob<");

        for (String path : List.of("/api/audit", "/api/audit.csv", "/api/audit.xlsx", "/audit")) {
            ResponseEntity<String> badType = rest.withBasicAuth("admin", DEMO)
                    .getForEntity(path + "?type=NO_SUCH_TYPE", String.class);
            assertThat(badType.getStatusCode().value()).as(path).isEqualTo(400);
            assertThat(badType.getBody()).as(path).contains("\"field\":\"type\"");
            ResponseEntity<String> badTime = rest.withBasicAuth("admin", DEMO)
                    .getForEntity(path + "?from=yesterday", String.class);
            assertThat(badTime.getStatusCode().value()).as(path).isEqualTo(400);
            assertThat(badTime.getBody()).as(path).contains("\"field\":\"from\"");
            ResponseEntity<String> twice = rest.withBasicAuth("admin", DEMO)
                    .getForEntity(path + "?actor=alice&actor=bob", String.class);
            assertThat(twice.getStatusCode().value()).as(path).isEqualTo(400);
            assertThat(twice.getBody()).as(path).contains("\"field\":\"actor\"").contains("field.repeated");
        }
    }

    @Test
    void searchFiltersByWhoTypeTargetAndTime() {
        String target = "filter-" + UUID.randomUUID();
        audit.record("alice", AuditType.ADMIN_ACTION, target, "one");
        audit.record("bob", AuditType.EXPORT, target, "two");

        assertThat(audit.search(new AuditQuery("alice", null, target, null, null, 10))).extracting(AuditEntry::details)
                .containsExactly("one");
        assertThat(audit.search(new AuditQuery(null, AuditType.EXPORT, target, null, null, 10)))
                .extracting(AuditEntry::actor).containsExactly("bob");
        assertThat(audit.search(new AuditQuery(null, null, target, Instant.now().plusSeconds(60), null, 10)))
                .isEmpty();
        assertThat(audit.search(new AuditQuery(null, null, target, null, Instant.now().plusSeconds(60), 10)))
                .hasSize(2);
        assertThat(audit.search(new AuditQuery(null, null, target + "%", null, null, 10)))
                .as("a wildcard is a character, not a pattern").isEmpty();
    }

    private AuditEntry one(String actor, AuditType type, String target) {
        List<AuditEntry> found = audit.search(new AuditQuery(actor, type, target, null, null, 10));
        assertThat(found).as(type + " " + target).hasSize(1);
        return found.get(0);
    }

    private String fileApplication() throws Exception {
        Map<String, Object> app = Applications.fresh("SINGLE_CHAMPION_NATIONAL");
        ResponseEntity<String> filed = post("system", "/api/award-applications", json.writeValueAsString(app));
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        return json.readTree(filed.getBody()).path("applicationId").asText();
    }

    private Task waitingTask(String applicationId) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(applicationId).singleResult();
        assertThat(task).isNotNull();
        return task;
    }

    private ResponseEntity<String> post(String account, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(account, DEMO).exchange(path, HttpMethod.POST,
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }
}
