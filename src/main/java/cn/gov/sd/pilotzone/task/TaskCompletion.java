package cn.gov.sd.pilotzone.task;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;


/**
 * What one process adds to completing its user tasks: which decisions a task allows, the checks of its form
 * beyond the common ones, and its effects (history, amounts) before the engine moves on.
 */
public interface TaskCompletion {

    String processDefinitionKey();

    Set<String> decisions(TaskView task);

    List<Problem> validate(TaskView task, CompletionForm form);

    /** Whether the task's form takes {@code approvedAmount}; the web UI shows the field only then. */
    default boolean takesAmount(TaskView task) {
        return false;
    }

    /** The task-specific {@code fields} its form takes, in the order a form shows them. */
    default List<FormField> fields(TaskView task) {
        return List.of();
    }

    /** Called in the completing transaction; may add process variables. */
    void apply(TaskView task, CompletionForm form, Caller caller, Map<String, Object> variables);
}
