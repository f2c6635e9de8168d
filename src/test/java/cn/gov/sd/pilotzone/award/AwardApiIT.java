package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The hub API's contract for applications and tasks (docs/api.md), including bureau scope. */
@HubIntegrationTest
@Import(HubClient.class)
class AwardApiIT {

    @Autowired
    HubClient hub;

    private String submit(Map<String, Object> app) {
        ResponseEntity<String> r = hub.call("system", HttpMethod.POST, "/api/award-applications", app);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        return (String) app.get("applicationId");
    }

    @Test
    void badApplicationGets400ProblemDetailsNamingEveryBadField() {
        Map<String, Object> app = Applications.fresh("NO_SUCH_POLICY");
        app.put("uscc", "91370705MAAY4CL12Y");
        app.put("countyCode", "999999");
        app.put("eventDate", "20-11-2024");
        app.put("amounts", Map.of("equipmentInvestment", -1));
        app.put("attachments", List.of(Map.of("name", "../../etc/passwd")));
        app.put("color", "blue");
        ResponseEntity<String> r = hub.call("system", HttpMethod.POST, "/api/award-applications", app);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode body = hub.read(r.getBody());
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("title").asText()).isEqualTo("Bad Request");
        assertThat(body.path("error").asText()).isEqualTo("invalid");
        JsonNode fields = body.path("fields");
        assertThat(fields.findValuesAsText("field")).contains("uscc", "countyCode", "policyCode", "eventDate",
                "amounts.equipmentInvestment", "attachments[0].name", "color");
        assertThat(fields.findValuesAsText("message")).anyMatch(m -> m.contains("校验位"));
    }

    @Test
    void messagesAreChineseUnlessEnglishIsAskedFor() {
        Map<String, Object> app = Applications.fresh("SINGLE_CHAMPION_NATIONAL");
        app.remove("uscc");
        assertThat(hub.call("system", HttpMethod.POST, "/api/award-applications", app).getBody()).contains("必填");
        assertThat(hub.call("system", HttpMethod.POST, "/api/award-applications", app, "en").getBody())
                .contains("required");
    }

    @Test
    void demoApplicationsWaitAtTheirCountysReview() {
        assertThat(hub.awaitTask("county-370705", "DEMO-2024-0001", "countyReview")).isNotBlank();
        assertThat(hub.awaitTask("county-370783", "DEMO-2024-0002", "countyReview")).isNotBlank();
        JsonNode discretionary = hub.application("gxj", "DEMO-2024-0004");
        assertThat(discretionary.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(discretionary.path("proposedAmount").isMissingNode()).isTrue();
    }

    @Test
    void objectionWhoseReasonASpreadsheetWouldRunIsRefusedNamingTheReason() {
        String path = "/api/award-applications/DEMO-2024-0001/objections";
        ResponseEntity<String> formula = hub.call("gxj", HttpMethod.POST, path,
                Map.of("reason", "=HYPERLINK(\"http://x\",\"点此\")"), "en");
        assertThat(formula.getStatusCode().value()).isEqualTo(400);
        assertThat(formula.getBody()).contains("reason").contains("spreadsheet formula");
        assertThat(hub.call("gxj", HttpMethod.POST, path, Map.of("reason", "长".repeat(1001)), "en").getBody())
                .contains("reason").contains("longer than 1,000");
        assertThat(hub.call("gxj", HttpMethod.POST, path, Map.of("reason", " "), "en").getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void knownApplicationIdGets409NamingItInChinese() {
        Map<String, Object> app = Applications.fresh("SINGLE_CHAMPION_PROVINCIAL");
        submit(app);
        ResponseEntity<String> again = hub.call("system", HttpMethod.POST, "/api/award-applications", app);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("申请 " + app.get("applicationId") + " 已存在且不处于补正状态");
    }

    @Test
    void anUnknownApplicationIsA404NamingItInChinese() {
        ResponseEntity<String> answer = hub.call("gxj", HttpMethod.GET, "/api/award-applications/NO-SUCH-1", null);
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).contains("\"error\":\"not-found\"", "申请 NO-SUCH-1 不存在或您无权查看");
    }

    @Test
    void onlyThePortalAccountAndAdministratorsFileApplications() {
        assertThat(hub.call("gxj", HttpMethod.POST, "/api/award-applications",
                Applications.fresh("SINGLE_CHAMPION_NATIONAL")).getStatusCode().value()).isEqualTo(403);
        assertThat(hub.call(null, HttpMethod.POST, "/api/award-applications",
                Applications.fresh("SINGLE_CHAMPION_NATIONAL")).getStatusCode().value()).isEqualTo(401);
        assertThat(hub.call("admin", HttpMethod.POST, "/api/award-applications",
                Applications.fresh("SINGLE_CHAMPION_NATIONAL")).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void clerkOfAnotherCountyCanNeitherSeeNorCompleteTheCase() {
        String id = submit(Applications.fresh("SINGLE_CHAMPION_RECHECK_NATIONAL"));
        String task = hub.awaitTask("county-370705", id, "countyReview");

        assertThat(hub.call("county-370783", HttpMethod.GET, "/api/award-applications/" + id, null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(hub.getJson("county-370783", "/api/award-applications?size=200").findValuesAsText("applicationId"))
                .doesNotContain(id);
        assertThat(hub.getJson("county-370783", "/api/tasks").findValuesAsText("id")).doesNotContain(task);
        assertThat(hub.complete("county-370783", task, Map.of("decision", "approve")).getStatusCode().value())
                .isIn(403, 404);
        assertThat(hub.complete("czj", task, Map.of("decision", "approve")).getStatusCode().value()).isIn(403, 404);
        assertThat(hub.call("kjj", HttpMethod.GET, "/api/award-applications/" + id, null).getStatusCode().value())
                .isEqualTo(404);

        assertThat(hub.application("county-370705", id).path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(hub.application("gxj", id).path("applicationId").asText()).isEqualTo(id);
        assertThat(hub.application("supervisor", id).path("applicationId").asText()).isEqualTo(id);
    }

    @Test
    void taskListShowsTheContractFields() {
        String id = submit(Applications.fresh("SINGLE_CHAMPION_RECHECK_PROVINCIAL"));
        hub.awaitTask("county-370705", id, "countyReview");
        JsonNode task = null;
        for (JsonNode t : hub.getJson("county-370705", "/api/tasks?size=500")) {
            if (id.equals(t.path("businessKey").asText())) {
                task = t;
            }
        }
        assertThat(task).isNotNull();
        assertThat(task.path("name").asText()).isEqualTo("区县初审");
        assertThat(task.path("processDefinitionKey").asText()).isEqualTo("awardApplication");
        assertThat(task.path("candidateGroups").findValuesAsText("")).isEmpty();
        assertThat(task.path("candidateGroups").toString()).contains("county-370705");
        assertThat(task.path("processInstanceId").asText()).isNotBlank();
        assertThat(task.path("created").asText()).isNotBlank();
        assertThat(task.path("due").asText()).isNotBlank();
    }

    @Test
    void listIsFilteredAndNewestFirst() {
        Map<String, Object> a = Applications.fresh("CLUSTER_PROVINCIAL");
        Map<String, Object> b = Applications.fresh("CLUSTER_PROVINCIAL");
        submit(a);
        submit(b);
        JsonNode page = hub.getJson("gxj", "/api/award-applications?policyCode=CLUSTER_PROVINCIAL&status=IN_REVIEW&channel=APPLY&size=5");
        List<String> ids = page.findValuesAsText("applicationId");
        assertThat(ids.indexOf(b.get("applicationId"))).isLessThan(ids.indexOf(a.get("applicationId")));
        assertThat(page.findValuesAsText("policyCode")).containsOnly("CLUSTER_PROVINCIAL");
        assertThat(hub.getJson("gxj", "/api/award-applications?uscc=" + a.get("uscc")).findValuesAsText("applicationId"))
                .containsExactly((String) a.get("applicationId"));
        assertThat(hub.call("gxj", HttpMethod.GET, "/api/award-applications?status=NOPE", null).getStatusCode().value())
                .isEqualTo(400);
    }
}
