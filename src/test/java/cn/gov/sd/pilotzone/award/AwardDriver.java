package cn.gov.sd.pilotzone.award;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.Role;
import cn.gov.sd.pilotzone.task.CompletionForm;
import cn.gov.sd.pilotzone.task.Tasks;

import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.context.ApplicationContext;

/**
 * Moves award applications through their user tasks with the hub's own task service, as the bureaus' clerks
 * would: for tests whose subject is something else (a feed), not the task API (tested through HTTP elsewhere).
 * A plain object rather than a bean, so that tests using it share the one cached application context.
 */
public class AwardDriver {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Tasks tasks;
    private final TaskService taskService;
    private final ApplicationStore store;
    private final Payments payments;

    public AwardDriver(ApplicationContext context) {
        this(context.getBean(Tasks.class), context.getBean(TaskService.class), context.getBean(ApplicationStore.class),
                context.getBean(Payments.class));
    }

    public AwardDriver(Tasks tasks, TaskService taskService, ApplicationStore store, Payments payments) {
        this.tasks = tasks;
        this.taskService = taskService;
        this.store = store;
        this.payments = payments;
    }

    public static Caller clerk(String bureau) {
        return new Caller(bureau, Role.CLERK, bureau);
    }

    public Task awaitTask(String businessKey, String taskKey) {
        return await().atMost(WAIT).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).singleResult(), t -> t != null);
    }

    public void complete(String bureau, String businessKey, String taskKey, String decision, String comment,
                         Map<String, Object> fields) {
        Task task = awaitTask(businessKey, taskKey);
        tasks.complete(clerk(bureau), task.getId(), new CompletionForm(decision, comment, null, fields));
    }

    public AwardApplication awaitStatus(String applicationId, Status status) {
        return await().atMost(WAIT).until(() -> store.find(applicationId).orElse(null),
                a -> a != null && a.status() == status);
    }

    /** Intent confirmation (AUTO), the three reviews, the notice period: returns the payment instruction's id. */
    public String toPaying(String applicationId) {
        AwardApplication app = store.get(applicationId);
        String county = "county-" + app.countyCode();
        if (app.channel() == AwardApplication.Channel.AUTO) {
            complete(county, applicationId, "intentConfirmation", "approve", "企业确认享受", Map.of());
        }
        complete(county, applicationId, "countyReview", "approve", null, Map.of());
        complete("gxj", applicationId, "cityReview", "approve", null, Map.of());
        complete("czj", applicationId, "financeReview", "approve", null, Map.of());
        awaitStatus(applicationId, Status.PAYING);
        return payments.ofApplication(applicationId).stream().filter(p -> p.status() == Payments.Status.ISSUED)
                .findFirst().orElseThrow().paymentId();
    }

    public BigDecimal amount(String applicationId) {
        return store.get(applicationId).amount();
    }
}
