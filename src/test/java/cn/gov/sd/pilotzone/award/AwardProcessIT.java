package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.common.Problem;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Every branch of {@code awardApplication} (docs/processes.md), driven as its users drive it: API, files and timers. */
@HubIntegrationTest
@Import(HubClient.class)
class AwardProcessIT {

    @Autowired
    HubClient hub;
    @Autowired
    AwardCatalog catalog;
    @Autowired
    AwardChecks checks;
    @Autowired
    Payments payments;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    final ObjectMapper json = new ObjectMapper();

    private String file(Map<String, Object> app) {
        String id = (String) app.get("applicationId");
        try {
            hub.drop("award-applications", id + "-" + System.nanoTime() + ".json", json.writeValueAsString(app));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private String submit(Map<String, Object> app) {
        ResponseEntity<String> r = hub.call("system", HttpMethod.POST, "/api/award-applications", app);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        return (String) app.get("applicationId");
    }

    @Test
    void aReviewIsDueAfterTheConfiguredPeriodWhichNoInstanceStoresAsAVariable() {
        String id = submit(Applications.fresh("SINGLE_CHAMPION_NATIONAL"));
        String taskId = hub.awaitTask("county-370705", id, "countyReview");
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        // hub.award.review-period's default, P10D; Flowable reads its clock for the due date a moment after it
        // stamped the task's creation, so the two may lie a few milliseconds further apart than the period.
        assertThat(Duration.between(task.getCreateTime().toInstant(), task.getDueDate().toInstant()))
                .isBetween(Duration.ofDays(10), Duration.ofDays(10).plusSeconds(1));
        assertThat(runtimeService.getVariables(task.getProcessInstanceId()))
                .doesNotContainKeys("reviewPeriod", "correctionPeriod", "publicNoticePeriod");
    }

    private JsonNode rejectedWith(Map<String, Object> app, String reasonFragment) {
        String id = submit(app);
        JsonNode a = hub.awaitStatus(id, "REJECTED");
        assertThat(a.path("reasons").toString()).contains(reasonFragment);
        JsonNode result = awaitResult(id);
        assertThat(result.path("status").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reasons").toString()).contains(reasonFragment);
        return a;
    }

    private JsonNode awaitResult(String id) {
        Path result = hub.dataDir().resolve("outbox/application-results/" + id + ".json");
        await().atMost(HubClient.WAIT).until(() -> Files.exists(result.resolveSibling(id + ".json.done")));
        return hub.read(read(result));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void approveToPublicNotice(String id) {
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve", "comment", "同意"));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve", "comment", "同意"));
        hub.decide("czj", id, "financeReview", Map.of("decision", "approve", "comment", "同意"));
    }

    private String awaitPaymentId(String id, int instructions) {
        return await().atMost(HubClient.WAIT).until(() -> payments.ofApplication(id), l -> l.size() == instructions)
                .get(instructions - 1).paymentId();
    }

    private void receipt(String paymentId, String status) {
        String name = "receipt-" + paymentId + "-" + status + ".csv";
        hub.drop("payment-receipts", name, "payment_id,status,paid_on,bank_reference,message\n" + paymentId + ","
                + status + "," + LocalDate.now() + ",REF," + ("FAILED".equals(status) ? "账户已销户" : "") + "\n");
        hub.awaitIn("archive", "payment-receipts", name);
    }

    // ---- step 1: automated checks, each reason recorded and reported

    @Test
    void eventDateOutsideThePolicyWindowIsRejected() {
        Map<String, Object> app = Applications.fresh("SINGLE_CHAMPION_NATIONAL");
        app.put("eventDate", "2022-09-22");
        rejectedWith(app, "2022-09-22");
    }

    @Test
    void enterpriseOnTheDishonestyListIsRejected() {
        Map<String, Object> app = Applications.fresh("STANDARD_NATIONAL");
        hub.drop("credit-records", "credit-" + app.get("applicationId") + ".csv",
                "统一社会信用代码,企业名称,失信类型,列入日期,移出日期\n" + app.get("uscc") + ",某企业,质量失信,2023-01-01,\n");
        hub.awaitIn("archive", "credit-records", "credit-" + app.get("applicationId") + ".csv");
        rejectedWith(app, "质量失信");
    }

    @Test
    void removedDishonestyRecordNoLongerBlocks() {
        Map<String, Object> app = Applications.fresh("STANDARD_INDUSTRY");
        hub.drop("credit-records", "credit-" + app.get("applicationId") + ".csv",
                "uscc,enterprise_name,record_type,listed_on,removed_on\n" + app.get("uscc") + ",某企业,质量失信,2023-01-01,2023-06-30\n");
        hub.awaitIn("archive", "credit-records", "credit-" + app.get("applicationId") + ".csv");
        hub.awaitStatus(submit(app), "IN_REVIEW");
    }

    @Test
    void missingPolicyInputIsRejected() {
        JsonNode a = rejectedWith(Applications.fresh("TECH_RENOVATION"), "amounts.equipmentInvestment");
        assertThat(a.path("proposedAmount").isMissingNode() || a.path("proposedAmount").isNull()).isTrue();
    }

    @Test
    void identifierNodeBelowItsConditionsIsRejectedWithBothReasons() {
        Map<String, Object> app = Applications.fresh("IDENTIFIER_NODE");
        app.put("amounts", Map.of("resolutionCount", 999999, "topNodeConnected", false));
        JsonNode a = rejectedWith(app, "amounts.resolutionCount");
        assertThat(a.path("reasons").toString()).contains("amounts.topNodeConnected");
    }

    @Test
    void applicationWithoutAttachmentIsRejected() {
        Map<String, Object> app = Applications.fresh("SERVICE_MFG_NATIONAL");
        app.put("attachments", List.of());
        rejectedWith(app, "附件");
    }

    @Test
    void secondAwardForTheSameEnterprisePolicyAndYearIsRejected() {
        Map<String, Object> first = Applications.fresh("GAZELLE_PROVINCIAL");
        Map<String, Object> second = Applications.application(Applications.newId(), "GAZELLE_PROVINCIAL");
        second.put("uscc", first.get("uscc"));
        second.put("eventDate", "2024-03-01");
        hub.awaitStatus(submit(first), "IN_REVIEW");
        rejectedWith(second, (String) first.get("applicationId"));
    }

    @Test
    void rejectionReleasesTheLedgerSoALaterApplicationCanSucceed() {
        Map<String, Object> first = Applications.fresh("UNICORN_PROVINCIAL");
        String id = submit(first);
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "reject", "comment", "材料不实"));
        JsonNode rejected = hub.awaitStatus(id, "REJECTED");
        assertThat(rejected.path("reasons").toString()).contains("材料不实");
        Map<String, Object> again = Applications.application(Applications.newId(), "UNICORN_PROVINCIAL");
        again.put("uscc", first.get("uscc"));
        hub.awaitStatus(submit(again), "IN_REVIEW");
    }

    @Test
    void automatedChecksRejectAnInvalidUsccEvenWhenIntakeWasBypassed() {
        var form = new AwardApplicationForm("X-1", "91370705MAAY4CL12Y", "某企业", "370705", "STANDARD_NATIONAL",
                LocalDate.of(2024, 1, 1), Map.of(), null, null, List.of());
        assertThat(checks.evaluate(form).problems()).extracting(Problem::code).contains("uscc.check");
    }

    // ---- steps 2–4: amounts and reviews

    @Test
    void discretionaryPolicyNeedsAnAmountFromTheReviewer() {
        String id = submit(Applications.fresh("GREEN_MANUFACTURING"));
        String task = hub.awaitTask("county-370705", id, "countyReview");
        ResponseEntity<String> refused = hub.complete("county-370705", task, Map.of("decision", "approve"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("\"field\":\"approvedAmount\"");
        assertThat(hub.complete("county-370705", task, Map.of("decision", "approve", "approvedAmount", 150000))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(hub.application("gxj", id).path("approvedAmount").decimalValue()).isEqualByComparingTo("150000");
    }

    @Test
    void reviewerCannotApproveMoreThanTheCatalogAllows() {
        String id = submit(Applications.fresh("LITTLE_GIANT_NATIONAL"));
        BigDecimal cap = catalog.find("LITTLE_GIANT_NATIONAL").orElseThrow().rule().cap();
        String task = hub.awaitTask("county-370705", id, "countyReview");
        ResponseEntity<String> refused = hub.complete("county-370705", task,
                Map.of("decision", "approve", "approvedAmount", cap.add(BigDecimal.ONE)));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("approvedAmount");
    }

    @Test
    void decisionFormIsValidated() {
        String id = submit(Applications.fresh("SME_PLATFORM_PROVINCIAL"));
        String task = hub.awaitTask("county-370705", id, "countyReview");
        assertThat(hub.complete("county-370705", task, Map.of("comment", "x")).getBody()).contains("\"field\":\"decision\"");
        assertThat(hub.complete("county-370705", task, Map.of("decision", "maybe")).getBody()).contains("\"field\":\"decision\"");
        ResponseEntity<String> noComment = hub.complete("county-370705", task, Map.of("decision", "reject"));
        assertThat(noComment.getStatusCode().value()).isEqualTo(400);
        assertThat(noComment.getBody()).contains("\"field\":\"comment\"");
        assertThat(hub.complete("county-370705", task, Map.of("decision", "approve", "approvedAmount", -5))
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void cityAndFinanceReturnTheCaseOneLevelDown() {
        String id = submit(Applications.fresh("SRDI_RECHECK_NATIONAL"));
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve"));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "return", "comment", "请核实复核文件"));
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve", "comment", "已核实"));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve"));
        hub.decide("czj", id, "financeReview", Map.of("decision", "return", "comment", "预算科目不符"));
        assertThat(hub.awaitTask("gxj", id, "cityReview")).isNotBlank();
        assertThat(hub.application("gxj", id).path("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void financeRejectionEndsTheCase() {
        String id = submit(Applications.fresh("SRDI_RECHECK_PROVINCIAL"));
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve"));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve"));
        hub.decide("czj", id, "financeReview", Map.of("decision", "reject", "comment", "资金不足"));
        assertThat(awaitResult(id).path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void returnedApplicationIsResumedByTheCorrectedFile() throws Exception {
        Map<String, Object> app = Applications.fresh("TECH_RENOVATION");
        app.put("amounts", Map.of("equipmentInvestment", 3000000));
        String id = submit(app);
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "return", "comment", "请补充设备发票"));
        hub.awaitStatus(id, "CORRECTION");

        app.put("amounts", Map.of("equipmentInvestment", 4000000));
        file(app);
        JsonNode resumed = hub.awaitStatus(id, "IN_REVIEW");
        assertThat(resumed.path("proposedAmount").decimalValue()).isEqualByComparingTo(catalog.find("TECH_RENOVATION")
                .orElseThrow().rule().propose(Map.of("equipmentInvestment", new BigDecimal("4000000"))).orElseThrow());
        assertThat(hub.awaitTask("county-370705", id, "countyReview")).isNotBlank();
        assertThat(resumed.path("history").findValuesAsText("step")).contains("corrected");
    }

    @Test
    void noCorrectionWithinThePeriodWithdrawsTheApplication() {
        String id = submit(Applications.fresh("STANDARD_INTERNATIONAL"));
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "return", "comment", "请补正"));
        hub.awaitStatus(id, "CORRECTION");
        hub.awaitStatus(id, "WITHDRAWN");
        assertThat(awaitResult(id).path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void sameIdFiledAgainWhileNotUnderCorrectionIsRejectedToError() throws Exception {
        Map<String, Object> app = Applications.fresh("SME_PLATFORM_NATIONAL");
        String id = submit(app);
        String name = id + "-again.json";
        hub.drop("award-applications", name, json.writeValueAsString(app));
        Path rejected = hub.awaitIn("error", "award-applications", name);
        assertThat(hub.errorReport(rejected)).contains(id).contains("applicationId");
        assertThat(hub.call("system", HttpMethod.POST, "/api/award-applications", app).getStatusCode().value())
                .isEqualTo(409);
    }

    // ---- steps 5–7: notice, objection, payment

    @Test
    void objectionDuringPublicNoticeSendsTheCaseBackToCityReview() {
        String id = submit(Applications.fresh("SERVICE_MFG_PROVINCIAL"));
        approveToPublicNotice(id);
        ResponseEntity<String> objection = hub.call("system", HttpMethod.POST,
                "/api/award-applications/" + id + "/objections", Map.of("reason", "群众举报：项目未实际投产"));
        assertThat(objection.getStatusCode().value()).as(objection.getBody()).isEqualTo(201);
        assertThat(hub.awaitTask("gxj", id, "cityReview")).isNotBlank();
        assertThat(hub.application("gxj", id).path("history").findValuesAsText("step")).contains("objection");
        assertThat(hub.call("system", HttpMethod.POST, "/api/award-applications/" + id + "/objections",
                Map.of("reason", "again")).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void failedPaymentIsCorrectedAndReissuedAndNeverPaidTwice() {
        String id = submit(Applications.fresh("SMART_FACTORY_PROVINCIAL"));
        approveToPublicNotice(id);
        String first = awaitPaymentId(id, 1);
        receipt(first, "FAILED");
        hub.decide("czj", id, "paymentCorrection", Map.of("decision", "approve", "comment", "已更正账号",
                "fields", Map.of("accountNo", "6222020000000000001")));
        String second = awaitPaymentId(id, 2);
        assertThat(second).isNotEqualTo(first);
        assertThat(payments.find(first).orElseThrow().status()).isEqualTo(Payments.Status.VOID);

        String late = "late-" + first + ".csv";
        hub.drop("payment-receipts", late, "payment_id,status,paid_on,bank_reference,message\n" + first
                + ",PAID," + LocalDate.now() + ",REF,\n");
        assertThat(hub.errorReport(hub.awaitIn("error", "payment-receipts", late))).contains(first).contains("VOID");

        receipt(second, "PAID");
        hub.awaitStatus(id, "PAID");
        assertThat(payments.ofApplication(id)).filteredOn(p -> p.status() == Payments.Status.PAID).hasSize(1);
        await().atMost(HubClient.WAIT).until(() -> hub.files("outbox", "payment-instructions").stream()
                .filter(p -> p.toString().endsWith(".csv")).anyMatch(p -> read(p).contains("6222020000000000001")));
    }

    @Test
    void duplicateReceiptIsSkippedAndReported() {
        String id = submit(Applications.fresh("SMART_SCENARIO_PROVINCIAL"));
        approveToPublicNotice(id);
        String paymentId = awaitPaymentId(id, 1);
        receipt(paymentId, "PAID");
        hub.awaitStatus(id, "PAID");
        String again = "again-" + paymentId + ".csv";
        hub.drop("payment-receipts", again, "payment_id,status,paid_on,bank_reference,message\n" + paymentId
                + ",PAID," + LocalDate.now() + ",REF,\n");
        hub.awaitIn("archive", "payment-receipts", again);
        assertThat(read(hub.awaitIn("error", "payment-receipts", again + ".error.txt"))).contains(paymentId);
    }
}
