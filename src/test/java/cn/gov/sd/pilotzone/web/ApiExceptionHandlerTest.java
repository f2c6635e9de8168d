package cn.gov.sd.pilotzone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

import cn.gov.sd.pilotzone.common.Messages;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A request that met another changing the same thing (a lock the database gave the other, a deadlock it broke, the
 * engine's optimistic lock) is a 409 the client may send again, in the caller's language, not a 500.
 */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(new Messages(bundles()));

    @Test
    void aLockLostToAnotherRequestIsAConflictToSendAgain() {
        ProblemDetail chinese = handler.concurrent(new CannotAcquireLockException("Deadlock found"), Locale.CHINA);
        ProblemDetail english = handler.concurrent(new FlowableOptimisticLockingException("ACT_RU_TASK changed"),
                Locale.ENGLISH);

        assertThat(chinese.getStatus()).isEqualTo(409);
        assertThat(chinese.getProperties()).containsEntry("error", "conflict")
                .containsEntry("message", "另一请求同时修改了同一案件或任务，本次请求未生效，请重新提交");
        assertThat(english.getStatus()).isEqualTo(409);
        assertThat(english.getDetail()).contains("nothing of this request was applied").doesNotContain("ACT_RU_TASK");
    }

    @Test
    void everyDatabaseConcurrencyFailureAndTheEnginesOptimisticLockReachIt() throws Exception {
        Method concurrent = ApiExceptionHandler.class.getDeclaredMethod("concurrent", RuntimeException.class,
                Locale.class);
        assertThat(Arrays.asList(concurrent.getAnnotation(ExceptionHandler.class).value()))
                .contains(ConcurrencyFailureException.class, FlowableOptimisticLockingException.class);
        assertThat(ConcurrencyFailureException.class).isAssignableFrom(PessimisticLockingFailureException.class)
                .isAssignableFrom(CannotAcquireLockException.class);
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages-security");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
