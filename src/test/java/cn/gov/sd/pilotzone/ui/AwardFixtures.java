package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.award.Applications;
import cn.gov.sd.pilotzone.registry.TestUscc;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Award applications for the UI tests, filed the way the enterprise portal files them ({@code POST
 * /api/award-applications} as the {@code system} account), each by a new enterprise of the given county so that
 * tests sharing the context never meet the one-award-per-enterprise-policy-year rule.
 */
public final class AwardFixtures {

    public static final String PASSWORD = "demo";
    public static final String POLICY = "SINGLE_CHAMPION_NATIONAL";

    public record Filed(String applicationId, String uscc, String enterpriseName, String countyCode) {
    }

    private final HubClient hub;

    public AwardFixtures(HubClient hub) {
        this.hub = hub;
    }

    /** Files the application and checks that it passed the automated checks into county review. */
    public Filed file(String countyCode, String policyCode) {
        String id = Applications.newId();
        String uscc = TestUscc.next(countyCode);
        String name = "界面测试" + id.replace("-", "") + "科技有限公司";
        Map<String, Object> app = Applications.application(id, policyCode);
        app.put("uscc", uscc);
        app.put("countyCode", countyCode);
        app.put("enterpriseName", name);
        ResponseEntity<String> created = hub.call("system", HttpMethod.POST, "/api/award-applications", app);
        assertThat(created.getStatusCode().value()).as("filing %s: %s", id, created.getBody()).isEqualTo(201);
        assertThat(hub.read(created.getBody()).path("status").asText()).isEqualTo("IN_REVIEW");
        return new Filed(id, uscc, name, countyCode);
    }

    public Filed file(String countyCode) {
        return file(countyCode, POLICY);
    }
}
