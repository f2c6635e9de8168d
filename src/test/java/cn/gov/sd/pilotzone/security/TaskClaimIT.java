package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.award.Applications;

import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A claim is the claimant's: through the API, as on the task page, a colleague of the same bureau cannot take it
 * back for them (the matrix checks the other bureaus); an administrator can.
 */
@SecurityIntegrationTest
class TaskClaimIT {

    private static final String CLERK = "county-370705";

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskService taskService;

    @Autowired
    UserStore users;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void colleagueCannotUnclaimAnotherClerksTaskThroughTheApi() throws Exception {
        String colleague = "kw-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new HubUser(colleague, Role.CLERK, CLERK, "奎文区工信局经办人二"), "pw");
        String task = newTask();
        mvc.perform(post("/api/tasks/" + task + "/claim").with(httpBasic(CLERK, "demo")))
                .andExpect(status().isNoContent());

        // A claimed task leaves the group's candidate query, so the colleague does not even see it (404);
        // Tasks.unclaim also refuses a clerk another's claim (400), should the scope ever include claimed tasks.
        int status = mvc.perform(post("/api/tasks/" + task + "/unclaim").with(httpBasic(colleague, "pw")))
                .andReturn().getResponse().getStatus();
        assertThat(status).isIn(400, 404);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(CLERK);

        mvc.perform(post("/api/tasks/" + task + "/unclaim").with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }

    @Test
    void claimingATaskSomeoneElseHoldsIsAConflictNotAServerError() throws Exception {
        String task = newTask();
        mvc.perform(post("/api/tasks/" + task + "/claim").with(httpBasic(CLERK, "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/tasks/" + task + "/claim").with(httpBasic("admin", "demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("任务已由 " + CLERK + " 签收"));
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(CLERK);
    }

    @Test
    void theTaskPageNamesWhoHoldsATaskInTheClerksLanguage() throws Exception {
        String task = newTask();
        mvc.perform(post("/api/tasks/" + task + "/claim").with(httpBasic(CLERK, "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/tasks/" + task + "/claim").with(httpBasic("admin", "demo")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "任务已由 " + CLERK + " 签收"));
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(CLERK);
    }

    private String newTask() throws Exception {
        String body = mvc.perform(post("/api/award-applications").with(httpBasic("system", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(Applications.fresh("SINGLE_CHAMPION_NATIONAL"))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String pi = json.readTree(body).path("processInstanceId").asText();
        return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
    }
}
