package cn.gov.sd.pilotzone.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.award.Applications;

import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Requests an attacker or a careless client sends: malformed headers and paths get a short 400, an upload over the
 * limit a 413 that says so, formula-like text and impossible periods a 400 naming the field; never a 500 or a stack
 * trace.
 */
@SecurityIntegrationTest
class HostileRequestsIT {

    private static final String PASSWORD = "demo";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskService taskService;

    @Test
    void anOverLongOrInvalidContentTypeIsA400WithAShortMessage() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("gxj:" + PASSWORD).getBytes(UTF_8));
        for (String type : List.of("application/json;" + "x=y;".repeat(250), "not a media type", "a/b;=;")) {
            // the JDK's client, which sends the header as it is (Spring's would parse it first)
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(rest.getRootUri() + SecurityProbe.PATH)).header("Authorization", basic)
                    .header(HttpHeaders.CONTENT_TYPE, type).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString(UTF_8));
            assertThat(answer.statusCode()).as(type.substring(0, Math.min(40, type.length()))).isEqualTo(400);
            assertThat(answer.body()).contains("Content-Type").doesNotContain("Exception").hasSizeLessThan(500);
        }
        // beyond Tomcat's header limit (8 KB) the container itself answers 400, without a trace either
        HttpResponse<String> huge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(rest.getRootUri() + SecurityProbe.PATH)).header("Authorization", basic)
                .header(HttpHeaders.CONTENT_TYPE, "application/json;" + "x=y;".repeat(4000))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/tasks/..;/x", "/api/%2e%2e/tasks", "/api/tasks/a%2Fb", "/api/tasks/%00",
            "/files/..%5c..%5cetc"})
    void anOddPathIsA400WithoutAStackTrace(String path) {
        ResponseEntity<String> answer = rest.withBasicAuth("gxj", PASSWORD).exchange(
                URI.create(rest.getRootUri() + path), HttpMethod.GET, null, String.class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(400);
        assertThat(String.valueOf(answer.getBody())).doesNotContain("at org.").doesNotContain("Exception");
    }

    @Test
    void anUploadOverTheLimitSaysSoOnTheApiAndOnThePage() throws Exception {
        byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
        MockHttpServletResponse api = mvc.perform(post("/tasks/any/files").with(httpBasic("gxj", PASSWORD))
                .contentType("multipart/form-data; boundary=x").accept(MediaType.APPLICATION_JSON)
                .content(tooLarge)).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(413);
        assertThat(json.readTree(api.getContentAsByteArray()).path("message").asText())
                .contains("上传的文件过大").contains("upload is too large").contains("20 MB");

        MockHttpServletResponse page = mvc.perform(post("/tasks/any/files").with(httpBasic("gxj", PASSWORD))
                .contentType("multipart/form-data; boundary=x").accept(MediaType.TEXT_HTML)
                .content(tooLarge)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(413);
        assertThat(page.getContentAsString()).contains("上传的文件过大").contains("upload is too large");
    }

    /** Through the real server: the container parses the parts, and refuses a part header over its limit. */
    @Test
    void aPartHeaderOverTheLimitIsA400NamingTheLimitNotABare413() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("gxj:" + PASSWORD).getBytes(UTF_8));
        String body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "长".repeat(400)
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(rest.getRootUri() + "/tasks/any/files")).header("Authorization", basic)
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=x")
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).path("message").asText()).contains("512").contains("文件名")
                .contains("file name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"300", "not a media type"})
    void aCaseFileWhosePartHasAnOverLongOrInvalidContentTypeIsRefusedNamingTheFileNotA500(String type)
            throws Exception {
        String task = newTask();
        String contentType = "300".equals(type) ? "application/" + "a".repeat(300) : type;
        MvcResult answer = mvc.perform(multipart("/tasks/" + task + "/files")
                .file(new MockMultipartFile("file", "a.pdf", contentType, new byte[] {1, 2, 3}))
                .with(httpBasic("county-370705", PASSWORD))).andReturn();
        assertThat(answer.getResponse().getStatus()).isEqualTo(302);
        assertThat(answer.getResponse().getRedirectedUrl()).endsWith("#files");
        assertThat(String.valueOf(answer.getFlashMap().get("fileError"))).contains("file");
        assertThat(taskService.getTaskAttachments(task)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999-Q4", "../../x", "2024-Q5", "2024-13", "1999-Q1", "=1+1"})
    void anImpossibleReportPeriodIsRefused(String period) throws Exception {
        JsonNode answer = report(Map.of("period", period, "progress", 50, "summary", "推进中"));
        assertThat(fields(answer)).contains("period");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "@SUM(A1:A9)", "+A1", "-2+3"})
    void formulaTextInAReportIsRefused(String text) throws Exception {
        assertThat(fields(report(Map.of("period", "2024-Q3", "progress", 50, "summary", text)))).contains("summary");
        assertThat(fields(report(Map.of("period", "2024-Q3", "progress", 50, "summary", "推进中", "issues", text))))
                .contains("issues");
    }

    @Test
    void formulaTextInADecisionIsRefusedAndTheTaskStaysOpen() throws Exception {
        String task = newTask();
        ResponseEntity<String> answer = postJson("county-370705", "/api/tasks/" + task + "/complete",
                Map.of("decision", "reject", "comment", "=HYPERLINK(\"http://x\",\"点击\")"));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(json.readTree(answer.getBody()))).contains("comment");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    private JsonNode report(Map<String, Object> body) throws Exception {
        ResponseEntity<String> answer = postJson("gxj", "/api/zones/weifang/tasks/3.3.1/reports", body);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(400, 404);
        return json.readTree(answer.getBody());
    }

    private static List<String> fields(JsonNode answer) {
        return answer.path("fields").findValuesAsText("field");
    }

    private ResponseEntity<String> postJson(String account, String path, Object body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(account, PASSWORD).exchange(path, HttpMethod.POST,
                new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
    }

    private String newTask() throws Exception {
        ResponseEntity<String> filed = postJson("system", "/api/award-applications",
                Applications.fresh("SINGLE_CHAMPION_NATIONAL"));
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        String pi = json.readTree(filed.getBody()).path("processInstanceId").asText();
        return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
    }
}
