package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A 免申即享 award end to end through the hub API, as the bureaus' clerks do it (demo accounts, HTTP Basic): the
 * recognition list starts it, the county clerk records the enterprise's intent, the three reviews approve, the
 * notice period passes, the finance bureau's receipt pays it.
 */
@HubIntegrationTest
@Import(HubClient.class)
class AutoAwardApiIT {

    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    HubClient hub;

    FeedFiles files;

    @BeforeEach
    void setUp() {
        files = new FeedFiles(hub);
    }

    @Test
    void autoApplicationGoesThroughIntentConfirmationAndReviewsToPaid() {
        String uscc = TestEnterprises.uscc("370705");
        registry.upsert(List.of(TestEnterprises.enterprise(uscc, "潍坊奎文免申测试有限公司", "370705", "A", true)));
        String id = startFromList(uscc, "潍坊奎文免申测试有限公司", "SMART_FACTORY_PROVINCIAL", "2024-10-10");

        complete("county-370705", id, "intentConfirmation", Map.of("decision", "approve", "comment", "企业确认享受"));
        complete("county-370705", id, "countyReview", Map.of("decision", "approve", "comment", "初审同意"));
        complete("gxj", id, "cityReview", Map.of("decision", "approve"));
        complete("czj", id, "financeReview", Map.of("decision", "approve"));

        JsonNode paying = await().atMost(Duration.ofSeconds(30)).until(() -> application("gxj", id),
                a -> "PAYING".equals(a.path("status").asText()));
        String paymentId = paying.path("payments").get(0).path("paymentId").asText();
        assertThat(paying.path("proposedAmount").decimalValue()).isEqualByComparingTo("300000.00");

        String receipts = FeedFiles.unique("receipts", "csv");
        files.drop("payment-receipts", receipts, FeedFiles.utf8("payment_id,status,paid_on,bank_reference,message",
                paymentId + ",PAID,2024-12-20,BANK-" + paymentId + ","));
        files.awaitArchived("payment-receipts", receipts);

        JsonNode paid = await().atMost(Duration.ofSeconds(30)).until(() -> application("county-370705", id),
                a -> "PAID".equals(a.path("status").asText()));
        assertThat(paid.path("channel").asText()).isEqualTo("AUTO");
        assertThat(paid.path("countyCode").asText()).isEqualTo("370705");
        assertThat(paid.path("enterpriseClass").asText()).isEqualTo("A");
        assertThat(paid.path("priority").asBoolean()).isTrue();
        assertThat(paid.path("history").findValuesAsText("step")).containsSubsequence("submitted", "dataComparison",
                "intentConfirmation", "automatedChecks", "countyReview", "cityReview", "financeReview", "publicNotice",
                "issuePayment", "paymentReceipt", "end");

        JsonNode list = hub.getJson("gxj", "/api/award-applications?channel=AUTO&uscc=" + uscc);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("enterpriseClass").asText()).isEqualTo("A");
        assertThat(list.get(0).path("priority").asBoolean()).isTrue();
    }

    @Test
    void theEnterpriseDecliningEndsTheCaseWithdrawn() {
        String uscc = TestEnterprises.uscc("370783");
        registry.upsert(List.of(TestEnterprises.enterprise(uscc, "寿光放弃测试有限公司", "370783", "C", true)));
        String id = startFromList(uscc, "寿光放弃测试有限公司", "GREEN_MANUFACTURING", "2024-04-04");

        ResponseEntity<String> noComment = completion("county-370783", id, "intentConfirmation",
                Map.of("decision", "reject"));
        assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> noReturn = completion("county-370783", id, "intentConfirmation",
                Map.of("decision", "return", "comment", "补材料"));
        assertThat(noReturn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hub.read(noReturn.getBody()).path("fields").get(0).path("field").asText()).isEqualTo("decision");

        complete("county-370783", id, "intentConfirmation", Map.of("decision", "reject", "comment", "企业不需要该项奖励"));

        JsonNode app = application("county-370783", id);
        assertThat(app.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(app.path("reasons").get(0).asText()).contains("企业在意愿确认时放弃该项奖励：企业不需要该项奖励");
        assertThat(app.path("priority").asBoolean()).isFalse();
    }

    @Test
    void withoutARegisteredAccountTheClerkRecordsTheOneTheEnterpriseGives() {
        String uscc = TestEnterprises.uscc("370786");
        registry.upsert(List.of(TestEnterprises.enterprise(uscc, "昌邑无账户测试有限公司", "370786", null, false)));
        String id = startFromList(uscc, "昌邑无账户测试有限公司", "SMART_SCENARIO_PROVINCIAL", "2025-03-03");

        ResponseEntity<String> missing = completion("county-370786", id, "intentConfirmation",
                Map.of("decision", "approve"));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hub.read(missing.getBody()).path("fields").findValuesAsText("field"))
                .containsExactly("fields.accountName", "fields.accountNo", "fields.bankName");
        ResponseEntity<String> amount = completion("county-370786", id, "intentConfirmation",
                Map.of("decision", "approve", "approvedAmount", 1000));
        assertThat(amount.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        complete("county-370786", id, "intentConfirmation", Map.of("decision", "approve", "fields",
                Map.of("bankName", "潍坊银行昌邑支行", "accountName", "昌邑无账户测试有限公司", "accountNo", "802099001")));

        JsonNode app = await().atMost(Duration.ofSeconds(10)).until(() -> application("gxj", id),
                a -> "IN_REVIEW".equals(a.path("status").asText()) && taskOf("county-370786", id, "countyReview").isPresent());
        assertThat(app.path("reasons")).isEmpty();
    }

    @Test
    void anotherCountysClerkCannotSeeOrDoTheIntentConfirmation() {
        String uscc = TestEnterprises.uscc("370784");
        registry.upsert(List.of(TestEnterprises.enterprise(uscc, "安丘可见性测试有限公司", "370784", "B", true)));
        String id = startFromList(uscc, "安丘可见性测试有限公司", "SMART_SCENARIO_PROVINCIAL", "2025-03-03");
        String taskId = hub.awaitTask("county-370784", id, "intentConfirmation");

        assertThat(taskOf("county-370705", id, "intentConfirmation")).isEmpty();
        assertThat(hub.complete("county-370705", taskId, Map.of("decision", "approve")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(hub.call("county-370705", HttpMethod.GET, "/api/award-applications/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String startFromList(String uscc, String name, String policy, String date) {
        String file = FeedFiles.unique("list", "csv");
        files.drop("recognition-lists", file, FeedFiles.utf8("uscc,enterprise_name,policy_code,recognized_on",
                uscc + "," + name + "," + policy + "," + date));
        assertThat(files.awaitArchived("recognition-lists", file)).isEmpty();
        return "AUTO-" + uscc + "-" + policy + "-" + date.substring(0, 4);
    }

    private JsonNode application(String user, String id) {
        return hub.application(user, id);
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
