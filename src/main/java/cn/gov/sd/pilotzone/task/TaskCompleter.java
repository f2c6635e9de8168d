package cn.gov.sd.pilotzone.task;

import cn.gov.sd.pilotzone.security.Caller;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.springframework.stereotype.Component;

/**
 * Completes a task as the API and the web UI do: each attempt is its own transaction ({@link Tasks#complete}). A
 * timer of the same process (an escalation, a report check) may change it at the same moment; the engine then
 * refuses the completion as a whole, so it is simply tried again.
 */
@Component
class TaskCompleter {

    static final int MAX_ATTEMPTS = 3;

    private final Tasks tasks;

    TaskCompleter(Tasks tasks) {
        this.tasks = tasks;
    }

    /** @throws FlowableOptimisticLockingException when the task kept changing under every attempt */
    public void complete(Caller caller, String taskId, CompletionForm form) {
        for (int attempt = 1; ; attempt++) {
            try {
                tasks.complete(caller, taskId, form);
                return;
            } catch (FlowableOptimisticLockingException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
