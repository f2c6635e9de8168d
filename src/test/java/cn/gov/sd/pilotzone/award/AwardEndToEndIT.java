package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * The award process of seed 001 for real: a file from the portal, the reviews by the right clerks through the API,
 * the public notice, the instruction to the finance bureau, its receipt, the ledger and the result file.
 * Amounts are derived from the catalog, not typed in.
 */
@HubIntegrationTest
@Import(HubClient.class)
class AwardEndToEndIT {

    @Autowired
    HubClient hub;
    @Autowired
    AwardCatalog catalog;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void techRenovationFileIsReviewedNoticedPaidAndReported() throws Exception {
        Map<String, Object> app = Applications.fresh("TECH_RENOVATION");
        app.put("amounts", Map.of("equipmentInvestment", new BigDecimal("12000000.00")));
        String id = (String) app.get("applicationId");
        BigDecimal proposed = catalog.find("TECH_RENOVATION").orElseThrow().rule()
                .propose(Map.of("equipmentInvestment", new BigDecimal("12000000.00"))).orElseThrow();

        hub.drop("award-applications", id + ".json", json.writeValueAsString(app));
        hub.awaitIn("archive", "award-applications", id + ".json");
        JsonNode inReview = hub.awaitStatus(id, "IN_REVIEW");
        assertThat(inReview.path("proposedAmount").decimalValue()).isEqualByComparingTo(proposed);
        assertThat(inReview.path("channel").asText()).isEqualTo("APPLY");

        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve", "comment", "材料齐全"));
        BigDecimal approved = proposed.subtract(new BigDecimal("100000.00"));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve", "comment", "核减10万元",
                "approvedAmount", approved));
        hub.decide("czj", id, "financeReview", Map.of("decision", "approve", "comment", "同意"));

        hub.awaitStatus(id, "PAYING");
        Path batch = awaitInstruction(id);
        String csv = Files.readString(batch, StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).as("UTF-8 with a byte-order mark, for Chinese desktops").isEqualTo(
                "\uFEFFpayment_id,application_id,uscc,enterprise_name,policy_code,amount,bank_name,account_name,account_no,approved_on");
        String row = csv.lines().filter(l -> l.contains("," + id + ",")).findFirst().orElseThrow();
        String paymentId = row.split(",")[0];
        assertThat(row).contains("," + approved.setScale(2).toPlainString() + ",");
        assertThat(batch.resolveSibling(batch.getFileName() + ".done")).exists();
        assertThat(hub.files("outbox", "public-notices")).anyMatch(p -> contains(p, id));

        hub.drop("payment-receipts", "receipt-" + id + ".csv",
                "payment_id,status,paid_on,bank_reference,message\n" + paymentId + ",PAID," + LocalDate.now()
                        + ",BANK-REF-1,\n");
        hub.awaitIn("archive", "payment-receipts", "receipt-" + id + ".csv");
        JsonNode paid = hub.awaitStatus(id, "PAID");
        assertThat(paid.path("approvedAmount").decimalValue()).isEqualByComparingTo(approved);
        assertThat(paid.path("history").findValuesAsText("step")).contains("submitted", "automatedChecks",
                "countyReview", "cityReview", "financeReview", "publicNotice", "issuePayment", "paymentReceipt", "end");
        assertThat(paid.path("history").findValuesAsText("actor")).contains("county-370705", "gxj", "czj");

        Path result = hub.dataDir().resolve("outbox/application-results/" + id + ".json");
        Awaitility.await().atMost(HubClient.WAIT).until(() -> Files.exists(result));
        JsonNode r = json.readTree(result.toFile());
        assertThat(r.path("status").asText()).isEqualTo("PAID");
        assertThat(r.path("amount").decimalValue()).isEqualByComparingTo(approved);
        assertThat(result.resolveSibling(id + ".json.done")).exists();
    }

    @Test
    void applicationFiledThroughTheApiReachesCountyReviewOfItsCountyOnly() {
        Map<String, Object> app = Applications.fresh("SINGLE_CHAMPION_NATIONAL");
        String id = (String) app.get("applicationId");
        var created = hub.call("system", HttpMethod.POST, "/api/award-applications", app);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = hub.read(created.getBody());
        assertThat(body.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(body.path("processInstanceId").asText()).isNotBlank();

        assertThat(hub.awaitTask("county-370705", id, "countyReview")).isNotBlank();
        assertThat(hub.findTask("county-370783", id, "countyReview")).isEmpty();
        assertThat(hub.application("county-370705", id).path("proposedAmount").decimalValue())
                .isEqualByComparingTo(catalog.find("SINGLE_CHAMPION_NATIONAL").orElseThrow().rule().cap());
    }

    @Test
    void aCountysListShowsItsNewestApplicationsFirstWithOrWithoutAStatus() {
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> app = Applications.fresh("SINGLE_CHAMPION_NATIONAL");
            assertThat(hub.call("system", HttpMethod.POST, "/api/award-applications", app).getStatusCode().value())
                    .isEqualTo(201);
            filed.add(0, (String) app.get("applicationId"));
        }
        // the county's own list walks the newest first (ApplicationStore.slice: the index hint); with a status the
        // optimizer chooses: both must be valid SQL and give the same order on each database
        for (String query : List.of("", "&status=IN_REVIEW")) {
            JsonNode page = hub.read(hub.call("county-370705", HttpMethod.GET,
                    "/api/award-applications?size=200" + query, null).getBody());
            List<String> ids = new ArrayList<>();
            page.forEach(a -> ids.add(a.path("applicationId").asText()));
            assertThat(ids).as(query).containsSubsequence(filed);
            page.forEach(a -> assertThat(a.path("countyCode").asText()).isEqualTo("370705"));
        }
        JsonNode other = hub.read(hub.call("county-370783", HttpMethod.GET, "/api/award-applications?size=200", null)
                .getBody());
        other.forEach(a -> assertThat(filed).doesNotContain(a.path("applicationId").asText()));
    }

    private Path awaitInstruction(String applicationId) {
        return Awaitility.await().atMost(HubClient.WAIT).until(
                () -> hub.files("outbox", "payment-instructions").stream()
                        .filter(p -> p.toString().endsWith(".csv") && contains(p, applicationId)).findFirst(),
                Optional::isPresent).get();
    }

    static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
