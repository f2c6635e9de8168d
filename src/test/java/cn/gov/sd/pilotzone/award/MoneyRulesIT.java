package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The money rules at every entry (docs/money-rules.md): the same bad input refused by the inbound file, the hub
 * API, the page form and the feeds, each with a reason naming the field.
 */
@HubIntegrationTest
@Import(HubClient.class)
class MoneyRulesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Autowired
    HubClient hub;
    @Autowired
    Payments payments;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    MoneyRules moneyRules;
    @Autowired
    AwardBudgets budgets;
    @Autowired
    BudgetLedger ledger;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    private String submit(Map<String, Object> app) {
        ResponseEntity<String> r = hub.call("system", HttpMethod.POST, "/api/award-applications", app);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        return (String) app.get("applicationId");
    }

    private static List<String> fields(HubClient hub, ResponseEntity<String> r) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
        return hub.read(r.getBody()).path("fields").findValuesAsText("field");
    }

    // ---- JSON documents with a key twice

    @Test
    void aDuplicatedKeyIsRefusedByTheApiAndTheInboxNamingTheKey() throws Exception {
        Map<String, Object> app = Applications.fresh("SINGLE_CHAMPION_NATIONAL");
        String body = json.writeValueAsString(app).replaceFirst("\\{", "{\"policyCode\":\"UNICORN_PROVINCIAL\",");
        assertThat(fields(hub, hub.call("system", HttpMethod.POST, "/api/award-applications", body)))
                .containsExactly("policyCode");

        String id = (String) app.get("applicationId");
        hub.drop("award-applications", id + ".json", body);
        assertThat(hub.errorReport(hub.awaitIn("error", "award-applications", id + ".json"))).contains("policyCode");

        String task = hub.awaitTask("county-370705", submit(app), "countyReview");
        ResponseEntity<String> twice = hub.call("county-370705", HttpMethod.POST, "/api/tasks/" + task + "/complete",
                "{\"decision\":\"approve\",\"approvedAmount\":1,\"approvedAmount\":800000}");
        assertThat(fields(hub, twice)).containsExactly("approvedAmount");
    }

    // ---- number bombs

    // "at once" is structural, not timed: Money.problem reads only precision and scale (MoneyTest)
    @Test
    void aHugeExponentIsRefusedNamingTheField() throws Exception {
        Map<String, Object> app = Applications.fresh("TECH_RENOVATION");
        String body = json.writeValueAsString(app).replace("\"amounts\":{}",
                "\"amounts\":{\"equipmentInvestment\":1e10000000}");
        assertThat(fields(hub, hub.call("system", HttpMethod.POST, "/api/award-applications", body)))
                .containsExactly("amounts.equipmentInvestment");

        String task = hub.awaitTask("county-370705", submit(Applications.fresh("SINGLE_CHAMPION_NATIONAL")),
                "countyReview");
        for (String bomb : List.of("1e10000000", "1e20", "-1e10000000", "1e-10000000", "\"1e20\"")) {
            ResponseEntity<String> r = hub.call("county-370705", HttpMethod.POST, "/api/tasks/" + task + "/complete",
                    "{\"decision\":\"approve\",\"approvedAmount\":" + bomb + "}");
            assertThat(fields(hub, r)).as(bomb).containsExactly("approvedAmount");
        }
    }

    // ---- amounts as text: plain notation at every entry

    @Test
    void anAmountWrittenInScientificNotationIsRefusedByTheApiThePageAndTheInboxAlike() throws Exception {
        String task = hub.awaitTask("county-370705", submit(Applications.fresh("SINGLE_CHAMPION_NATIONAL")),
                "countyReview");
        for (String text : List.of("1.2E+6", "12e5", "8E5")) {
            ResponseEntity<String> r = hub.call("county-370705", HttpMethod.POST, "/api/tasks/" + task + "/complete",
                    "{\"decision\":\"approve\",\"approvedAmount\":\"" + text + "\"}");
            assertThat(fields(hub, r)).as(text).containsExactly("approvedAmount");
            assertThat(r.getBody()).as(text).contains("money.format");
            assertThat(pagePost("county-370705", task, "approve", text)).as(text).contains("error-approvedAmount");
        }

        Map<String, Object> app = Applications.fresh("TECH_RENOVATION");
        app.put("amounts", Map.of("equipmentInvestment", "1.2E+6"));
        String id = (String) app.get("applicationId");
        hub.drop("award-applications", id + ".json", json.writeValueAsString(app));
        assertThat(hub.errorReport(hub.awaitIn("error", "award-applications", id + ".json")))
                .contains("amounts.equipmentInvestment");
        assertThat(fields(hub, hub.call("system", HttpMethod.POST, "/api/award-applications", app)))
                .containsExactly("amounts.equipmentInvestment");
    }

    @Test
    void anAmountAsPlainTextOrAsANumberIsReadAsBefore() {
        String id = submit(Applications.fresh("GREEN_MANUFACTURING"));
        String task = hub.awaitTask("county-370705", id, "countyReview");
        ResponseEntity<String> r = hub.call("county-370705", HttpMethod.POST, "/api/tasks/" + task + "/complete",
                "{\"decision\":\"approve\",\"approvedAmount\":\"300000.50\"}");
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(204);
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve", "approvedAmount", 300000));
        assertThat(hub.application("county-370705", id).path("approvedAmount").decimalValue())
                .isEqualByComparingTo("300000");
    }

    // ---- what a review may approve

    @Test
    void everyReviewStaysWithinTheCeilingAndNoLaterReviewRaisesAnEarlierFigure() {
        String id = submit(Applications.fresh("GREEN_MANUFACTURING"));
        String county = hub.awaitTask("county-370705", id, "countyReview");
        assertThat(hub.complete("county-370705", county, Map.of("decision", "approve",
                "approvedAmount", new BigDecimal("9999999999999.99"))).getBody()).contains("approvedAmount");
        ResponseEntity<String> aboveCeiling = hub.complete("county-370705", county, Map.of("decision", "approve",
                "approvedAmount", new BigDecimal("1000000.01")));
        assertThat(aboveCeiling.getBody()).contains("task.amountAboveMaximum");
        assertThat(hub.complete("county-370705", county, Map.of("decision", "approve", "approvedAmount", 300000))
                .getStatusCode().value()).isEqualTo(204);

        String city = hub.awaitTask("gxj", id, "cityReview");
        assertThat(hub.complete("gxj", city, Map.of("decision", "approve", "approvedAmount",
                new BigDecimal("300000.01"))).getBody()).contains("money.aboveEarlierReview");
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve", "approvedAmount", 200000));
        hub.decide("czj", id, "financeReview", Map.of("decision", "approve"));

        hub.awaitStatus(id, "PUBLIC_NOTICE");
        hub.call("system", HttpMethod.POST, "/api/award-applications/" + id + "/objections",
                Map.of("reason", "异议：金额过高"));
        String again = hub.awaitTask("gxj", id, "cityReview");
        assertThat(hub.complete("gxj", again, Map.of("decision", "approve", "approvedAmount", 250000)).getBody())
                .contains("money.aboveEarlierReview");
    }

    @Test
    void thePageFormRefusesWhatTheApiRefusesAndShowsTheBudgetLeft() {
        String id = submit(Applications.fresh("GREEN_MANUFACTURING"));
        String county = hub.awaitTask("county-370705", id, "countyReview");
        assertThat(pagePost("county-370705", county, "approve", "1e10000000")).contains("error-approvedAmount");
        assertThat(pagePost("county-370705", county, "approve", "1,000,000.01")).contains("error-approvedAmount");
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve", "approvedAmount", 100000));
        String city = hub.awaitTask("gxj", id, "cityReview");
        assertThat(pagePost("gxj", city, "approve", "100000.01")).contains("error-approvedAmount");
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve"));

        String finance = hub.awaitTask("czj", id, "financeReview");
        String page = page("czj", finance).getBody();
        assertThat(page).contains("id=\"budget-left\"").contains("专项资金预算剩余");
    }

    @Test
    void aFinanceApprovalBeyondTheBudgetLeftIsRefusedNamingTheAmountAndChangesNothing() {
        String policy = "GREEN_MANUFACTURING";
        String id = submit(Applications.fresh(policy));
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve", "approvedAmount", 100000));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve"));
        String finance = hub.awaitTask("czj", id, "financeReview");
        int year = moneyRules.budgetYear();
        BigDecimal budget = budgets.of(policy, year)
                .orElseThrow(() -> new AssertionError("config/award-budgets.yml has no " + policy + " budget for " + year));
        ledger.open(policy, year);
        BigDecimal used = ledger.used(policy, year);
        BigDecimal nearlyAll = budget.subtract(new BigDecimal("50000"));
        try {
            jdbc.update("UPDATE award_budget_use SET used = ? WHERE policy_code = ? AND budget_year = ?", nearlyAll,
                    policy, year);
            ResponseEntity<String> refused = hub.complete("czj", finance, Map.of("decision", "approve"));
            assertThat(fields(hub, refused)).containsExactly("approvedAmount");
            assertThat(refused.getBody()).contains("50,000").contains(year + " 年度");
            // the refusal comes at the end of the completion and rolls all of it back
            assertThat(hub.findTask("czj", id, "financeReview")).contains(finance);
            assertThat(ledger.used(policy, year)).isEqualByComparingTo(nearlyAll);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM award_budget_commitment WHERE application_id = ?",
                    Integer.class, id)).isZero();
            assertThat(hub.application("czj", id).path("history").findValuesAsText("step"))
                    .doesNotContain("financeReview");
        } finally {
            jdbc.update("UPDATE award_budget_use SET used = ? WHERE policy_code = ? AND budget_year = ?", used,
                    policy, year);
        }
        assertThat(hub.complete("czj", finance, Map.of("decision", "approve")).getStatusCode().value()).isEqualTo(204);
        assertThat(ledger.used(policy, year)).isEqualByComparingTo(used.add(new BigDecimal("100000")));
    }

    @Test
    void aPageFormAmountGivenTwiceIsRefusedNotJoinedIntoAnotherAmount() {
        String id = submit(Applications.fresh("GREEN_MANUFACTURING"));
        String county = hub.awaitTask("county-370705", id, "countyReview");
        ResponseEntity<String> r = pageSubmit("county-370705", county, "approve", "1000", "00");
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("approvedAmount");
        assertThat(hub.findTask("county-370705", id, "countyReview")).contains(county);
        assertThat(hub.application("county-370705", id).path("history").findValuesAsText("step"))
                .doesNotContain("countyReview");
    }

    @Test
    void aPageFormFieldGivenTwiceIsRefusedNamingItAndKeepsTheFormAsTyped() {
        String id = submit(Applications.fresh("SMART_SCENARIO_PROVINCIAL"));
        toPayment(id);
        String first = awaitPayment(id, 1);
        receipt("twice-" + first + ".csv", first + ",FAILED," + LocalDate.now() + ",,账户已销户");
        String task = hub.awaitTask("czj", id, "paymentCorrection");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("decision", "approve");
        form.add("comment", "企业提供新账号");
        form.add("fields.accountNo", "6222020000000000001");
        form.add("fields.accountNo", "6222020000000000002");
        ResponseEntity<String> r = pageForm("czj", task, form);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("id=\"error-accountNo\"").contains("value=\"6222020000000000001\"")
                .contains("企业提供新账号");
        assertThat(hub.findTask("czj", id, "paymentCorrection")).contains(task);
        assertThat(payments.ofApplication(id)).hasSize(1);
    }

    // ---- county

    @Test
    void aRegisteredEnterpriseFilesUnderTheRegistrysCounty() throws Exception {
        Map<String, Object> app = Applications.application(Applications.newId(), "STANDARD_NATIONAL");
        app.put("countyCode", "370783");
        assertThat(fields(hub, hub.call("system", HttpMethod.POST, "/api/award-applications", app)))
                .containsExactly("countyCode");
        String id = (String) app.get("applicationId");
        hub.drop("award-applications", id + ".json", json.writeValueAsString(app));
        assertThat(hub.errorReport(hub.awaitIn("error", "award-applications", id + ".json"))).contains("countyCode")
                .contains("370705");
    }

    // ---- payment: re-issue, receipts

    @Test
    void aFailedPaymentIsReissuedOnlyToAWellFormedCorrectedAccountWithAComment() {
        String id = submit(Applications.fresh("SMART_SCENARIO_PROVINCIAL"));
        toPayment(id);
        String first = awaitPayment(id, 1);
        receipt("r-" + first + ".csv", first + ",FAILED," + LocalDate.now() + ",,账户已销户");
        String task = hub.awaitTask("czj", id, "paymentCorrection");
        assertThat(fields(hub, hub.complete("czj", task, Map.of("decision", "approve", "comment", "重新拨付",
                "fields", Map.of("accountNo", "1607 0011 0920 0012 345"))))).containsExactly("fields.accountNo");
        assertThat(fields(hub, hub.complete("czj", task, Map.of("decision", "approve", "comment", "重新拨付",
                "fields", Map.of("accountNo", "abc-123"))))).containsExactly("fields.accountNo");
        assertThat(fields(hub, hub.complete("czj", task, Map.of("decision", "approve",
                "fields", Map.of("accountNo", "6222020000000000001"))))).containsExactly("comment");
        assertThat(page("czj", task).getBody()).contains("id=\"decision-effects\"").contains("重新拨付");
        hub.decide("czj", id, "paymentCorrection", Map.of("decision", "approve", "comment", "企业提供新账号",
                "fields", Map.of("accountNo", "6222020000000000001")));
        assertThat(awaitPayment(id, 2)).isNotEqualTo(first);
    }

    @Test
    void aFutureReceiptIsRefusedAndASecondPaidReceiptIsRaisedNeverApplied() {
        String id = submit(Applications.fresh("SMART_SCENARIO_NATIONAL"));
        toPayment(id);
        String pay = awaitPayment(id, 1);
        String future = "future-" + pay + ".csv";
        hub.drop("payment-receipts", future, "payment_id,status,paid_on,bank_reference,message\n" + pay + ",PAID,"
                + LocalDate.now().plusDays(3) + ",B-1,\n");
        assertThat(hub.errorReport(hub.awaitIn("error", "payment-receipts", future))).contains("paid_on");

        receipt("paid-" + pay + ".csv", pay + ",PAID," + LocalDate.now() + ",B-1,");
        hub.awaitStatus(id, "PAID");
        receipt("again-" + pay + ".csv", pay + ",PAID," + LocalDate.now() + ",B-1,");
        receipt("other-" + pay + ".csv", pay + ",PAID," + LocalDate.now() + ",B-2,");

        assertThat(payments.ofApplication(id)).extracting(Payments.Instruction::bankReference).containsExactly("B-1");
        assertThat(hub.application("czj", id).path("history").findValuesAsText("step"))
                .containsOnlyOnce("possibleDoubleTransfer");
        JsonNode alerts = hub.getJson("supervisor", "/api/dashboard").path("paymentAlerts");
        assertThat(alerts.findValuesAsText("applicationId")).contains(id);
    }

    private void toPayment(String id) {
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve"));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve"));
        hub.decide("czj", id, "financeReview", Map.of("decision", "approve"));
    }

    private String awaitPayment(String id, int n) {
        return await().atMost(HubClient.WAIT).until(() -> payments.ofApplication(id), l -> l.size() == n)
                .get(n - 1).paymentId();
    }

    private void receipt(String name, String row) {
        hub.drop("payment-receipts", name, "payment_id,status,paid_on,bank_reference,message\n" + row + "\n");
        hub.awaitIn("archive", "payment-receipts", name);
    }

    private ResponseEntity<String> page(String user, String taskId) {
        return rest.withBasicAuth(user, "demo").exchange("/tasks/" + taskId, HttpMethod.GET, null, String.class);
    }

    /** The page form posted with one amount: refused, so the form is shown again with its errors. */
    private String pagePost(String user, String taskId, String decision, String amount) {
        ResponseEntity<String> r = pageSubmit(user, taskId, decision, amount);
        assertThat(r.getStatusCode().value()).as("the form is shown again with its errors").isEqualTo(200);
        return r.getBody();
    }

    /** Completes a task through the page form as a browser posts it: the session's CSRF token, the form fields. */
    private ResponseEntity<String> pageSubmit(String user, String taskId, String decision, String... amounts) {
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        body.add("decision", decision);
        for (String amount : amounts) {
            body.add("approvedAmount", amount);
        }
        return pageForm(user, taskId, body);
    }

    private ResponseEntity<String> pageForm(String user, String taskId, MultiValueMap<String, String> fields) {
        ResponseEntity<String> form = page(user, taskId);
        Matcher token = CSRF.matcher(form.getBody());
        assertThat(token.find()).as("the form carries a CSRF token").isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        List<String> cookies = form.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies != null) {
            headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.split(";", 2)[0]).toList());
        }
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>(fields);
        body.add("_csrf", token.group(1));
        return rest.withBasicAuth(user, "demo").exchange("/tasks/" + taskId + "/complete", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }
}
