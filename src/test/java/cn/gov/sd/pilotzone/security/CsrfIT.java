package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.award.Applications;

import org.flowable.engine.HistoryService;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * CSRF: every form of the pages needs the token (without it: 403 and nothing happens; with it: it works), a
 * logged-in browser's session cookie cannot POST to the API without it either, and only requests that carry no
 * session at all (HTTP Basic clients, anonymous calls) go without one. Each test has an application of its own.
 */
@SecurityIntegrationTest
class CsrfIT {

    private static final String CLERK = "county-370705";
    private static final String PASSWORD = "demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService history;

    @Value("${hub.data-dir}")
    Path dataDir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void taskCompletionFormNeedsTheToken() throws Exception {
        String task = newTask();
        MockHttpSession clerk = logIn(CLERK);

        mvc.perform(post("/tasks/" + task + "/complete").session(clerk)
                        .param("decision", "reject").param("comment", "不符合条件"))
                .andExpect(status().isForbidden());
        assertThat(open(task)).isTrue();

        mvc.perform(post("/tasks/" + task + "/complete").session(clerk).with(csrf())
                        .param("decision", "reject").param("comment", "不符合条件"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(open(task)).isFalse();
    }

    @Test
    void claimAndUnclaimNeedTheToken() throws Exception {
        String task = newTask();
        MockHttpSession clerk = logIn(CLERK);

        mvc.perform(post("/tasks/" + task + "/claim").session(clerk)).andExpect(status().isForbidden());
        assertThat(assignee(task)).isNull();
        mvc.perform(post("/tasks/" + task + "/claim").session(clerk).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + task));
        assertThat(assignee(task)).isEqualTo(CLERK);

        mvc.perform(post("/tasks/" + task + "/unclaim").session(clerk)).andExpect(status().isForbidden());
        assertThat(assignee(task)).isEqualTo(CLERK);
        mvc.perform(post("/tasks/" + task + "/unclaim").session(clerk).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + task));
        assertThat(assignee(task)).isNull();
    }

    @Test
    void commentAndFileFormsNeedTheToken() throws Exception {
        String task = newTask();
        String pi = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        MockHttpSession clerk = logIn(CLERK);
        MockMultipartFile file = new MockMultipartFile("file", "证明.txt", "text/plain",
                "evidence".getBytes(StandardCharsets.UTF_8));

        mvc.perform(post("/tasks/" + task + "/comments").session(clerk).param("text", "伪造的意见"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/tasks/" + task + "/files").file(file).session(clerk))
                .andExpect(status().isForbidden());
        assertThat(taskService.getProcessInstanceComments(pi, "comment")).isEmpty();
        assertThat(taskService.getProcessInstanceAttachments(pi)).isEmpty();

        mvc.perform(post("/tasks/" + task + "/comments").session(clerk).with(csrf()).param("text", "材料齐全"))
                .andExpect(redirectedUrl("/tasks/" + task + "#comments"));
        mvc.perform(multipart("/tasks/" + task + "/files").file(file).session(clerk).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + task + "#files"));
        assertThat(taskService.getProcessInstanceComments(pi, "comment")).hasSize(1);
        assertThat(taskService.getProcessInstanceAttachments(pi)).hasSize(1);
    }

    @Test
    void reprocessOfAnErrorFileNeedsTheToken() throws Exception {
        String stored = errorFile();
        Path rejected = dataDir.resolve("error/credit-records").resolve(stored);
        MockHttpSession supervisor = logIn("supervisor");

        mvc.perform(post("/dashboard/feeds/credit-records/reprocess").param("file", stored).session(supervisor))
                .andExpect(status().isForbidden());
        assertThat(rejected).exists();

        mvc.perform(post("/dashboard/feeds/credit-records/reprocess").param("file", stored).session(supervisor)
                        .with(csrf()))
                .andExpect(redirectedUrl("/dashboard#feed-credit-records"));
        assertThat(rejected).doesNotExist();
    }

    @Test
    void logoutNeedsTheToken() throws Exception {
        MockHttpSession clerk = logIn(CLERK);

        mvc.perform(post("/logout").session(clerk).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        mvc.perform(get(SecurityProbe.PATH).session(clerk)).andExpect(status().isOk());

        mvc.perform(post("/logout").session(clerk).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get(SecurityProbe.PATH).session(clerk)).andExpect(status().isUnauthorized());
    }

    /** The language is switched by a link (GET ?lang=en) that only sets a cookie: there is no form to forge. */
    @Test
    void languageSwitchIsALinkThatOnlySetsACookie() throws Exception {
        mvc.perform(get("/tasks").param("lang", "en").session(logIn(CLERK)))
                .andExpect(status().isOk())
                .andExpect(cookie().value("HUB_LANG", "en"));
    }

    @Test
    void sessionCookieCannotPostToTheApiWithoutTheToken() throws Exception {
        String task = newTask();
        MockHttpSession clerk = logIn(CLERK);

        mvc.perform(post("/api/tasks/" + task + "/claim").session(clerk)).andExpect(status().isForbidden());
        mvc.perform(post("/api/tasks/" + task + "/complete").session(clerk).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"reject\",\"comment\":\"伪造\"}"))
                .andExpect(status().isForbidden());
        assertThat(assignee(task)).isNull();
        assertThat(open(task)).isTrue();

        mvc.perform(post("/api/tasks/" + task + "/claim").session(clerk).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(assignee(task)).isEqualTo(CLERK);
    }

    /**
     * Spring's Basic filter does not check the password again when the name in the header is the session's user;
     * were such a request spared the CSRF check for its Basic header, a session plus a made-up password would do.
     */
    @Test
    void basicHeaderWithAWrongPasswordDoesNotLetASessionSkipTheToken() throws Exception {
        String task = newTask();
        MockHttpSession clerk = logIn(CLERK);

        int status = mvc.perform(post("/api/tasks/" + task + "/claim").session(clerk)
                .with(httpBasic(CLERK, "not-the-password"))).andReturn().getResponse().getStatus();

        assertThat(status).isIn(401, 403);
        assertThat(assignee(task)).isNull();
    }

    @Test
    void basicClientsPostWithoutToken() throws Exception {
        String task = newTask();

        mvc.perform(post("/api/tasks/" + task + "/claim").with(httpBasic(CLERK, PASSWORD)))
                .andExpect(status().isNoContent());

        assertThat(assignee(task)).isEqualTo(CLERK);
    }

    /** Without a session there is nothing to forge: the answer is "who are you", not a CSRF refusal. */
    @Test
    void anonymousPostToAnyApiIsAskedToAuthenticate() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (String path : new String[] {"/api/award-applications", "/process-api/query/tasks",
                "/external-job-api/acquire/jobs"}) {
            assertThat(rest.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), String.class)
                    .getStatusCode().value()).as(path).isEqualTo(401);
        }
    }

    // --- helpers ---

    private MockHttpSession logIn(String username) throws Exception {
        MvcResult login = mvc.perform(post("/login").param("username", username).param("password", PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    /** A new application of 370705 in county review; its task. */
    private String newTask() throws Exception {
        Map<String, Object> app = Applications.fresh("SINGLE_CHAMPION_NATIONAL");
        MvcResult filed = mvc.perform(post("/api/award-applications").with(httpBasic("system", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(app)))
                .andExpect(status().isCreated())
                .andReturn();
        JsonNode body = json.readTree(filed.getResponse().getContentAsByteArray());
        Task task = taskService.createTaskQuery().processInstanceId(body.path("processInstanceId").asText())
                .singleResult();
        assertThat(task).isNotNull();
        return task.getId();
    }

    private boolean open(String task) {
        return history.createHistoricTaskInstanceQuery().taskId(task).singleResult().getEndTime() == null;
    }

    private String assignee(String task) {
        return taskService.createTaskQuery().taskId(task).singleResult().getAssignee();
    }

    private String errorFile() throws Exception {
        String stored = "20250101-000000-000_csrf-" + UUID.randomUUID() + ".csv";
        Path dir = Files.createDirectories(dataDir.resolve("error/credit-records"));
        Files.writeString(dir.resolve(stored), "not,a,credit,record\n");
        Files.writeString(dir.resolve(stored + ".error.txt"), Base64.getEncoder().encodeToString(new byte[4]));
        return stored;
    }
}
