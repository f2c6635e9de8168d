package cn.gov.sd.pilotzone.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.sd.pilotzone.common.ConflictException;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.NotFoundException;
import cn.gov.sd.pilotzone.common.Problem;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A request that met another changing the same thing (a lock the database gave the other, a deadlock it broke, the
 * engine's optimistic lock) is a 409 the client may send again, in the caller's language, not a 500; what the caller
 * may not see is a 404 and a state conflict a 409, each named in the caller's language too; through Spring MVC's own
 * exception resolution, as the API answers.
 */
class ApiExceptionHandlerTest {

    @RestController
    static class Racing {
        @PostMapping("/api/lock-lost")
        void lockLost() {
            throw new CannotAcquireLockException("Deadlock found when trying to get lock");
        }

        @PostMapping("/api/rows-changed")
        void rowsChanged() {
            throw new FlowableOptimisticLockingException("ACT_RU_TASK was updated by another transaction");
        }

        @PostMapping("/api/missing")
        void missing() {
            throw new NotFoundException(Problem.of("task", "task.notFound", "t-42"));
        }

        @PostMapping("/api/duplicate")
        void duplicate() {
            throw new ConflictException(Problem.of("applicationId", "applicationId.duplicate", "A-7"));
        }

        @PostMapping("/api/claimed")
        void claimed() {
            throw new FlowableTaskAlreadyClaimedException("t-42", "county-370702");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Racing())
            .setControllerAdvice(new ApiExceptionHandler(new Messages(bundles()))).build();

    @Test
    void aLockLostToAnotherRequestIsAConflictToSendAgainInChinese() throws Exception {
        mvc.perform(post("/api/lock-lost").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("conflict"))
                .andExpect(jsonPath("$.message").value("另一请求同时修改了同一案件或任务，本次请求未生效，请重新提交"));
    }

    @Test
    void rowsTheEngineFoundChangedAreAConflictTooWithoutTheEnginesText() throws Exception {
        mvc.perform(post("/api/rows-changed").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.allOf(
                        Matchers.containsString("nothing of this request was applied"),
                        Matchers.not(Matchers.containsString("ACT_RU_TASK")))));
    }

    @Test
    void whatTheCallerMayNotSeeIsANotFoundInChinese() throws Exception {
        mvc.perform(post("/api/missing").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not-found"))
                .andExpect(jsonPath("$.message").value("任务 t-42 不存在或不由您办理"));
    }

    @Test
    void whatTheCallerMayNotSeeIsANotFoundInEnglishWhenAsked() throws Exception {
        mvc.perform(post("/api/missing").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("no task t-42 that you may work on"));
    }

    @Test
    void aStateConflictIsNamedInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/duplicate").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("conflict"))
                .andExpect(jsonPath("$.message").value("申请 A-7 已存在且不处于补正状态"));
        mvc.perform(post("/api/duplicate").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("application A-7 is already known")));
    }

    @Test
    void aTaskAnotherClerkClaimedNamesTheClerkInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/claimed").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("任务已由 county-370702 签收"));
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "messages-security");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
