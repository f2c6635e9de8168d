package cn.gov.sd.pilotzone.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.security.Caller;

import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.repository.ProcessDefinition;
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

    /**
     * A task of the history, open or ended, with its case's business key; {@code assignee} is who had it: who
     * completed it (the history's completedBy), else whom it was assigned to.
     */
    public record DoneTask(String id, String name, String taskDefinitionKey, String processDefinitionKey,
                           String processInstanceId, String businessKey, String assignee, Instant created,
                           Instant due, Instant ended) {

        /** Who had a task: who completed it, else whom it was assigned to (history written before completedBy). */
        static String holder(String completedBy, String assignee) {
            return completedBy != null ? completedBy : assignee;
        }
    }

    /** Open and overdue tasks, in all and per candidate group (busiest first), for the dashboard. */
    public record Workload(long open, long overdue, List<GroupLoad> byGroup) {
    }

    public record GroupLoad(String group, long open, long overdue) {
    }

    /** Exports and the overdue list stop here; a list that long is a sign of a stuck process, not work to do. */
    public static final int MAX_ROWS = 5000;

    private final TaskService taskService;
    private final HistoryService history;
    private final RepositoryService repository;
    private final Tasks tasks;
    private final EngineTables engine;
    private final Clock clock;
    private final ZoneId zone;

    TaskSearch(TaskService taskService, HistoryService history, RepositoryService repository, Tasks tasks,
                      EngineTables engine, Clock clock, @Value("${hub.ui.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.repository = repository;
        this.engine = engine;
        this.taskService = taskService;
        this.history = history;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
    }

    public Workload workload() {
        return engine.workload(clock.instant());
    }

    /** Deployed processes (latest versions), for the lists' process filter: key → name. */
    public Map<String, String> processes() {
        Map<String, String> names = new LinkedHashMap<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list()) {
            names.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName());
        }
        return names;
    }

    /**
     * A page of the caller's open tasks. Unfiltered and newest first, the page every clerk lands on after logging
     * in, it is the API's list ({@link Tasks#open}: from the groups' identity links, not every open task); with
     * filters or another order, Flowable's task query.
     */
    public List<TaskView> open(Caller caller, TaskFilter filter, int page, int size) {
        if (filter.equals(TaskFilter.none())) {
            return tasks.open(caller, page, size);
        }
        TaskQuery query = ordered(filtered(Tasks.scoped(taskService.createTaskQuery(), caller), filter, caller), filter);
        return tasks.views(query.includeIdentityLinks().listPage(page * size, size));
    }

    public long count(Caller caller, TaskFilter filter) {
        if (filter.equals(TaskFilter.none())) {
            return engine.countOpenTasks(caller.candidateGroups(), caller.username());
        }
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
    List<DoneTask> ofCase(EngineTables.Instance instance) {
        return engine.tasksOf(instance, tasks::processKey);
    }

    /** A task's name, open or done ("" if there is none): for messages about a task after it changed. */
    public String name(String taskId) {
        HistoricTaskInstance t = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        return t == null || t.getName() == null ? "" : t.getName();
    }

    /**
     * A task that has ended and that the caller worked or could have worked (its bureau was a candidate), with who
     * completed it and when; empty while it is open, for another bureau's task (even in a case the caller works on),
     * or if there is none.
     */
    public Optional<DoneTask> finished(Caller caller, String taskId) {
        return doneTasks(involving(history.createHistoricTaskInstanceQuery().taskId(taskId).finished(), caller).list())
                .stream().findFirst();
    }

    /** Whether the caller worked, or could have worked, a task of this case (its bureau was a candidate). */
    public boolean worksOn(Caller caller, String processInstanceId) {
        return involving(history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId), caller)
                .count() > 0;
    }

    private HistoricTaskInstanceQuery doneQuery(Caller caller) {
        return scoped(history.createHistoricTaskInstanceQuery().finished(), caller);
    }

    /**
     * Tasks the caller's bureau was a candidate for, whoever claimed them, or that the caller had. A candidate group
     * alone matches only unclaimed tasks, and every completed task was claimed: hence ignoreAssigneeValue, which
     * Flowable 7.2 applies inside or() for historic tasks.
     */
    private static HistoricTaskInstanceQuery involving(HistoricTaskInstanceQuery query, Caller caller) {
        List<String> groups = caller.candidateGroups();
        return groups.isEmpty() ? query
                : query.or().taskCandidateGroupIn(groups).ignoreAssigneeValue().taskAssignee(caller.username()).endOr();
    }

    /**
     * The same scope as the open tasks (Tasks): the caller's bureau among the candidates (its tasks nobody had
     * claimed, whichever clerk of it completed them), or the caller assigned, or the caller completed it.
     */
    private static HistoricTaskInstanceQuery scoped(HistoricTaskInstanceQuery query, Caller caller) {
        List<String> groups = caller.candidateGroups();
        return groups.isEmpty() ? query : query.or().taskCandidateGroupIn(groups).taskAssignee(caller.username())
                .taskCompletedBy(caller.username()).endOr();
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
                keys.get(t.getProcessInstanceId()), DoneTask.holder(t.getCompletedBy(), t.getAssignee()),
                instant(t.getCreateTime()), instant(t.getDueDate()),
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
