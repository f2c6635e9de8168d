package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.sd.pilotzone.registry.TestUsccs;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Award applications for the UI tests, filed the way the enterprise portal files them: {@code POST
 * /api/award-applications} as the {@code system} account. Each gets a fresh enterprise code, so that tests
 * sharing the context never hit the one-award-per-enterprise-policy-year rule.
 */
final class AwardFixtures {

    static final String PASSWORD = "demo";
    static final String POLICY = "SINGLE_CHAMPION_NATIONAL";

    record Filed(String applicationId, String uscc, String enterpriseName, String countyCode) {
    }

    private final TestRestTemplate rest;

    AwardFixtures(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** Files an application of a new enterprise in {@code countyCode} and checks it went to county review. */
    Filed file(String countyCode, String policyCode) {
        String id = "UI-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        String uscc = TestUsccs.random(countyCode);
        String name = "界面测试" + id.substring(3, 9) + "科技有限公司";
        Map<String, Object> body = Map.of(
                "applicationId", id, "uscc", uscc, "enterpriseName", name, "countyCode", countyCode,
                "policyCode", policyCode, "eventDate", "2024-11-20", "amounts", Map.of(),
                "contact", Map.of("name", "王经理", "phone", "0536-8888888"),
                "bankAccount", Map.of("bankName", "中国工商银行潍坊分行", "accountName", name, "accountNo", "1607001109200099999"),
                "attachments", List.of(Map.of("name", "认定文件.pdf",
                        "sha256", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")));
        ResponseEntity<Map> created = rest.withBasicAuth("system", PASSWORD)
                .postForEntity("/api/award-applications", body, Map.class);
        assertThat(created.getStatusCode()).as("filing %s: %s", id, created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("status", "IN_REVIEW");
        return new Filed(id, uscc, name, countyCode);
    }

    Filed file(String countyCode) {
        return file(countyCode, POLICY);
    }
}
