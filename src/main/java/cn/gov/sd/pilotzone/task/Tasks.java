package cn.gov.sd.pilotzone.task;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.common.FreeText;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Money;
import cn.gov.sd.pilotzone.common.NotFoundException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;

import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's bureau's user tasks and their completion. A clerk sees and acts only on tasks of their bureau's
 * candidate group (or assigned to them); any other task is "not found", so its existence does not leak.
 */
@Service
public class Tasks {

    static final int MAX_COMMENT = 2000;

    /** A task the caller may not see, or that does not exist. */
    public static class TaskNotFoundException extends NotFoundException {
        public TaskNotFoundException(String id) {
            super(Problem.of("task", "task.notFound", id));
        }
    }

    private final TaskService taskService;
    private final TaskForms forms;
    private final EngineTables engine;
    private final ProcessKeys processKeys;
    private final FlowableUser flowableUser;
    private final ApplicationEventPublisher events;

    public Tasks(TaskService taskService, TaskForms forms, EngineTables engine, ProcessKeys processKeys,
                 FlowableUser flowableUser, ApplicationEventPublisher events) {
        this.taskService = taskService;
        this.forms = forms;
        this.engine = engine;
        this.processKeys = processKeys;
        this.flowableUser = flowableUser;
        this.events = events;
    }

    /**
     * A page of the caller's open tasks, newest first, with business keys and candidate groups, in one query.
     * It starts from the caller's candidate groups (Flowable's index on the link's group) and the tasks assigned to
     * them, then sorts those. Flowable's task query went the other way: it walked every open task in creation order
     * and checked each one's links, so with 10,000 open tasks a bureau with few of them read all 10,000 per request
     * (README "Performance"). Same rule as Flowable's candidate query: a group's task claimed by someone is that
     * person's, no longer the group's.
     */
    public List<TaskView> open(Caller caller, int page, int size) {
        return engine.openTasks(caller.candidateGroups(), caller.username(), page, size, this::processKey);
    }

    /** Business keys come from the process instances, fetched once per page (Task does not carry them). */
    List<TaskView> views(List<Task> tasks) {
        Map<String, String> keys = engine.businessKeys(tasks.stream().map(Task::getProcessInstanceId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return tasks.stream().map(t -> view(t, keys.get(t.getProcessInstanceId()))).toList();
    }

    public TaskView visible(Caller caller, String taskId) {
        return engine.openTask(caller.candidateGroups(), caller.username(), taskId, this::processKey)
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /**
     * A task as those who look at every bureau's work see it (supervision: remind, reassign); for others the same
     * as {@link #visible}.
     */
    public TaskView overseen(Caller caller, String taskId) {
        if (!caller.seesEverything()) {
            return visible(caller, taskId);
        }
        return engine.openTask(List.of(), caller.username(), taskId, this::processKey)
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    @Transactional
    public void claim(Caller caller, String taskId) {
        visible(caller, taskId);
        taskService.claim(taskId, caller.username());
    }

    /**
     * Gives the task back to the group. A clerk gives back only their own claim, not a colleague's (the same rule
     * as completing); administrators and system accounts may free any task.
     */
    @Transactional
    public void unclaim(Caller caller, String taskId) {
        notClaimedByAnother(caller, visible(caller, taskId));
        taskService.unclaim(taskId);
    }

    /**
     * Completes a task with its form ({@link TaskForm}): the common checks (decision offered, comment when
     * rejecting or returning, amount only where the form sets one, no unknown fields), then the form's own, then
     * its effect and the engine's completion, all in one transaction.
     */
    @Transactional
    public void complete(Caller caller, String taskId, CompletionForm form) {
        engine.lockTask(taskId);
        TaskView task = visible(caller, taskId);
        notClaimedByAnother(caller, task);
        TaskForm taskForm = formOf(task);
        if (taskForm.assigneeOnly() && !caller.username().equals(task.assignee())) {
            // the one place a task is completed (API and page): a score is recorded under the assignee's name
            throw new InvalidInputException(Problem.of("task", "task.assigneeOnly",
                    task.assignee() == null ? "-" : task.assignee()));
        }
        List<Problem> problems = new ArrayList<>();
        if (form.decision() == null || form.decision().isBlank()) {
            problems.add(Problem.of("decision", "field.required"));
        } else if (!taskForm.decisions().contains(form.decision())) {
            problems.add(Problem.of("decision", "task.decision", form.decision(), new TreeSet<>(taskForm.decisions())));
        }
        if ((CompletionForm.REJECT.equals(form.decision()) || CompletionForm.RETURN.equals(form.decision()))
                && (form.comment() == null || form.comment().isBlank())) {
            problems.add(Problem.of("comment", "task.commentRequired"));
        }
        if (form.comment() != null && form.comment().length() > MAX_COMMENT) {
            problems.add(Problem.of("comment", "field.tooLong", MAX_COMMENT));
        }
        FreeText.check("comment", form.comment() == null ? null : form.comment().strip(), problems);
        FreeText.checkAll("fields", form.fields(), problems);
        BigDecimal amount = form.approvedAmount();
        if (amount != null) {
            Money.problem(amount, Money.Sign.POSITIVE)
                    .ifPresent(code -> problems.add(Problem.of("approvedAmount", code, Money.LIMIT)));
        }
        if (problems.isEmpty()) {
            if (amount != null && !taskForm.takesAmount()) {
                problems.add(Problem.of("approvedAmount", "task.noAmountHere"));
            }
            form.fields().keySet().stream().filter(k -> !taskForm.hasField(k)).sorted()
                    .forEach(k -> problems.add(Problem.of("fields." + k, "field.unknown")));
            taskForm.check().check(task, form, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", form.decision());
        variables.put("comment", form.comment());
        taskForm.effect().apply(task, form, caller, variables);
        // comment and completion as one engine command: Flowable flushes once. The clerk is recorded as the one who
        // completed the task (the history's completedBy), not first made its assignee: an assignee set just before
        // the completion cost a participant link, its history and the task's history updates, a fifth of a
        // completion's CPU (README "Performance")
        engine.inOneCommand(() -> {
            if (form.comment() != null && !form.comment().isBlank()) {
                flowableUser.as(caller.username(), () -> taskService.addComment(taskId, task.processInstanceId(),
                        form.comment()));
            }
            taskService.complete(taskId, caller.username(), variables);
        });
        events.publishEvent(new TaskDecided(caller.username(), task, form.decision(), form.comment(),
                form.approvedAmount(), form.fields()));
    }

    /** A clerk acts only on a task of the group or their own claim; administrators and system accounts on any. */
    private static void notClaimedByAnother(Caller caller, TaskView task) {
        if (caller.isClerk() && task.assignee() != null && !task.assignee().equals(caller.username())) {
            throw new InvalidInputException(Problem.of("task", "task.claimedByOther", task.assignee()));
        }
    }

    /**
     * The form of a task. Start-up checked that every deployed user task has one; a process deployed later
     * through the engine's REST API may not, and its tasks are then refused rather than completed unchecked.
     */
    public TaskForm formOf(TaskView task) {
        return forms.find(task.processDefinitionKey(), task.taskDefinitionKey()).orElseThrow(() ->
                new InvalidInputException(Problem.of("task", "task.noForm", task.processDefinitionKey() + "/"
                        + task.taskDefinitionKey())));
    }

    /** The caller's work: tasks of their bureau's candidate groups or assigned to them (all for admins and systems). */
    static TaskQuery scoped(TaskQuery query, Caller caller) {
        List<String> groups = caller.candidateGroups();
        if (groups.isEmpty()) {
            return query;
        }
        return query.or().taskCandidateGroupIn(groups).taskAssignee(caller.username()).endOr();
    }

    String processKey(String processDefinitionId) {
        return processKeys.of(processDefinitionId);
    }

    private TaskView view(Task t, String businessKey) {
        List<String> groups = t.getIdentityLinks().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLinkInfo::getGroupId).toList();
        return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), processKey(t.getProcessDefinitionId()),
                t.getProcessInstanceId(), businessKey, groups, t.getAssignee(),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                t.getDueDate() == null ? null : t.getDueDate().toInstant());
    }
}
