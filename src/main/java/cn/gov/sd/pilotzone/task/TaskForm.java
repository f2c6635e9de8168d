package cn.gov.sd.pilotzone.task;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;

/**
 * The completion form of one user task, defined once and used by the API ({@code POST /api/tasks/{id}/complete})
 * and the task page alike: the decisions it offers, whether it sets {@code approvedAmount}, its task-specific
 * {@code fields}, the checks beyond the common ones, and what completing it writes. {@link TaskForms} checks at
 * start-up that the forms and the deployed processes' user tasks are the same set.
 *
 * @param taskKey the user task's id in the BPMN model (its task definition key)
 * @param check   problems of a form that passed the common checks (decision, comment, amount, unknown fields)
 * @param effect  called in the completing transaction, before the engine moves on; may add process variables
 * @param assigneeOnly completed only by the person the task is assigned to (an expert's score): not by a colleague,
 *                     an administrator or a system account, who "work any task" elsewhere (docs/security.md)
 */
public record TaskForm(String taskKey, Set<String> decisions, boolean takesAmount, List<FormField> fields,
                       Check check, Effect effect, boolean assigneeOnly) {

    public static final Set<String> APPROVE = Set.of(CompletionForm.APPROVE);
    public static final Set<String> APPROVE_REJECT = Set.of(CompletionForm.APPROVE, CompletionForm.REJECT);
    public static final Set<String> APPROVE_RETURN = Set.of(CompletionForm.APPROVE, CompletionForm.RETURN);
    public static final Set<String> ANY = Set.of(CompletionForm.APPROVE, CompletionForm.REJECT, CompletionForm.RETURN);

    @FunctionalInterface
    public interface Check {
        void check(TaskView task, CompletionForm form, List<Problem> problems);
    }

    @FunctionalInterface
    public interface Effect {
        void apply(TaskView task, CompletionForm form, Caller caller, Map<String, Object> variables);
    }

    public TaskForm {
        decisions = Set.copyOf(decisions);
        fields = List.copyOf(fields);
    }

    /** A form with the given decisions, no amount, no fields, no checks and no effect beyond the decision. */
    public static TaskForm of(String taskKey, Set<String> decisions) {
        return new TaskForm(taskKey, decisions, false, List.of(), (t, f, p) -> { }, (t, f, c, v) -> { }, false);
    }

    public TaskForm withAmount() {
        return new TaskForm(taskKey, decisions, true, fields, check, effect, assigneeOnly);
    }

    public TaskForm withFields(FormField... fields) {
        return new TaskForm(taskKey, decisions, takesAmount, List.of(fields), check, effect, assigneeOnly);
    }

    public TaskForm withFields(List<FormField> fields) {
        return new TaskForm(taskKey, decisions, takesAmount, fields, check, effect, assigneeOnly);
    }

    public TaskForm withCheck(Check check) {
        return new TaskForm(taskKey, decisions, takesAmount, fields, check, effect, assigneeOnly);
    }

    public TaskForm withEffect(Effect effect) {
        return new TaskForm(taskKey, decisions, takesAmount, fields, check, effect, assigneeOnly);
    }

    /** A personal judgement (an expert's score): only its assignee completes it, administrators included. */
    public TaskForm onlyByAssignee() {
        return new TaskForm(taskKey, decisions, takesAmount, fields, check, effect, true);
    }

    boolean hasField(String name) {
        return fields.stream().anyMatch(f -> f.name().equals(name));
    }
}
