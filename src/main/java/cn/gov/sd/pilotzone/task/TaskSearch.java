package cn.gov.sd.pilotzone.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.security.Caller;

import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.flowable.task.api.history.HistoricTaskInstanceQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The task lists people work from: the bureau's open tasks filtered and sorted, the tasks it has done, and the
 * overdue list. Open and done tasks are scoped like {@link Tasks} (the caller's candidate groups or assignee); the
 * overdue list is scoped by what the caller may <em>look at</em>, so supervisors see every bureau's.
 */
@Service
public class TaskSearch {

    /** A completed task (Flowable history), with its case's business key. */
    public record DoneTask(String id, String name, String taskDefinitionKey, String processDefinitionKey,
                           String processInstanceId, String businessKey, String assignee, Instant created,
                           Instant due, Instant ended) {
    }

    /** Exports and the overdue list stop here; a list that long is a sign of a stuck process, not work to do. */
    public static final int MAX_ROWS = 5000;

    private final TaskService taskService;
    private final HistoryService history;
    private final Tasks tasks;
    private final Clock clock;
    private final ZoneId zone;

    public TaskSearch(TaskService taskService, HistoryService history, Tasks tasks, Clock clock,
                      @Value("${hub.ui.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.taskService = taskService;
        this.history = history;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
    }

    public List<TaskView> open(Caller caller, TaskFilter filter, int page, int size) {
        TaskQuery query = ordered(filtered(Tasks.scoped(taskService.createTaskQuery(), caller), filter, caller), filter);
        return tasks.views(query.includeIdentityLinks().listPage(page * size, size));
    }

    public long count(Caller caller, TaskFilter filter) {
        return filtered(Tasks.scoped(taskService.createTaskQuery(), caller), filter, caller).count();
    }

    /** Open tasks past their due date: every bureau's for those who see everything, else the caller's work. */
    public List<TaskView> overdue(Caller caller) {
        TaskQuery query = taskService.createTaskQuery();
        if (!caller.seesEverything()) {
            query = Tasks.scoped(query, caller);
        }
        return tasks.views(query.taskDueBefore(Date.from(clock.instant())).includeIdentityLinks()
                .orderByDueDateNullsLast().asc().listPage(0, MAX_ROWS));
    }

    /**
     * Open tasks due before {@code bound} (overdue and due soon), earliest due first, for the supervision list and
     * the due sweep; scoped like {@link #overdue}. Optionally one process, one bureau's candidate group, one case.
     */
    public List<TaskView> dueBefore(Caller caller, Instant bound, String process, String bureau, String businessKey) {
        TaskQuery query = taskService.createTaskQuery();
        if (!caller.seesEverything()) {
            query = Tasks.scoped(query, caller);
        }
        if (process != null) {
            query = query.processDefinitionKey(process);
        }
        if (bureau != null) {
            query = query.taskCandidateGroup(bureau);
        }
        if (businessKey != null) {
            query = query.processInstanceBusinessKey(businessKey);
        }
        return tasks.views(query.taskDueBefore(Date.from(bound)).includeIdentityLinks()
                .orderByDueDateNullsLast().asc().orderByTaskId().asc().listPage(0, MAX_ROWS));
    }

    public List<DoneTask> done(Caller caller, int page, int size) {
        return doneTasks(doneQuery(caller).orderByHistoricTaskInstanceEndTime().desc().listPage(page * size, size));
    }

    public long doneCount(Caller caller) {
        return doneQuery(caller).count();
    }

    /** The tasks of one case, done or open, oldest first: who had them, when they ended. */
    public List<DoneTask> ofCase(String processInstanceId) {
        return doneTasks(history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricTaskInstanceStartTime().asc().list());
    }

    /** A task's name, open or done ("" if there is none): for messages about a task after it changed. */
    public String name(String taskId) {
        HistoricTaskInstance t = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        return t == null || t.getName() == null ? "" : t.getName();
    }

    /** A task that has ended, with who completed it and when; empty while it is open or if there is none. */
    public java.util.Optional<DoneTask> finished(String taskId) {
        return doneTasks(history.createHistoricTaskInstanceQuery().taskId(taskId).finished().list()).stream()
                .findFirst();
    }

    /** Whether the caller worked, or could have worked, a task of this case (its bureau was a candidate). */
    public boolean worksOn(Caller caller, String processInstanceId) {
        List<String> groups = caller.candidateGroups();
        if (groups.isEmpty()) {
            return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        }
        // a candidate group matches only unassigned tasks unless told otherwise (and not inside or()): the bureau's
        // tasks that a clerk claimed, which every completed one was, count too
        return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskCandidateGroupIn(groups).ignoreAssigneeValue().count() > 0
                || history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskAssignee(caller.username()).count() > 0;
    }

    private HistoricTaskInstanceQuery doneQuery(Caller caller) {
        HistoricTaskInstanceQuery query = history.createHistoricTaskInstanceQuery().finished();
        List<String> groups = caller.candidateGroups();
        if (!groups.isEmpty()) {
            query = query.or().taskCandidateGroupIn(groups).taskAssignee(caller.username()).endOr();
        }
        return query;
    }

    private List<DoneTask> doneTasks(List<HistoricTaskInstance> done) {
        Set<String> ids = done.stream().map(HistoricTaskInstance::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> keys = new HashMap<>();
        if (!ids.isEmpty()) {
            history.createHistoricProcessInstanceQuery().processInstanceIds(ids).list()
                    .forEach((HistoricProcessInstance pi) -> keys.put(pi.getId(), pi.getBusinessKey()));
        }
        return done.stream().map(t -> new DoneTask(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                tasks.processKey(t.getProcessDefinitionId()), t.getProcessInstanceId(),
                keys.get(t.getProcessInstanceId()), t.getAssignee(), instant(t.getCreateTime()), instant(t.getDueDate()),
                instant(t.getEndTime()))).toList();
    }

    private TaskQuery filtered(TaskQuery query, TaskFilter f, Caller caller) {
        if (f.process() != null) {
            query = query.processDefinitionKey(f.process());
        }
        if (f.policy() != null) {
            query = query.processVariableValueEquals("policyCode", f.policy());
        }
        if (f.county() != null) {
            query = query.processVariableValueEquals("countyGroup", BureauDirectory.countyGroup(f.county()));
        }
        // One bound: a second taskDueBefore would replace the first
        Instant dueBefore = f.dueBy() == null ? null : f.dueBy().plusDays(1).atStartOfDay(zone).toInstant();
        if (f.overdue() && (dueBefore == null || clock.instant().isBefore(dueBefore))) {
            dueBefore = clock.instant();
        }
        if (dueBefore != null) {
            query = query.taskDueBefore(Date.from(dueBefore));
        }
        return switch (f.assignment()) {
            case ALL -> query;
            case MINE -> query.taskAssignee(caller.username());
            case UNCLAIMED -> query.taskUnassigned();
        };
    }

    private static TaskQuery ordered(TaskQuery query, TaskFilter f) {
        TaskQuery sorted = switch (f.sort()) {
            case CREATED -> query.orderByTaskCreateTime();
            case DUE -> query.orderByDueDateNullsLast();
            case NAME -> query.orderByTaskName();
        };
        return f.ascending() ? sorted.asc() : sorted.desc();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
