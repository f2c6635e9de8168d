package cn.gov.sd.pilotzone.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.engine.task.Attachment;
import org.flowable.engine.task.Comment;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub's native queries on Flowable's tables ({@link EngineTables}), each compared with the answer of Flowable's
 * public API on the same data, on H2 ({@link EngineTablesIT}) and on MariaDB ({@link EngineTablesMariaDbIT}). They
 * name Flowable's tables and were measured on the version pinned here: when Flowable is upgraded this test fails
 * first, so the queries are checked (and the speed-up measured) again rather than silently reading a renamed table.
 * <p>
 * The tasks of each test have groups and people of their own (the database is shared with the other tests): open
 * for group A; claimed by the caller, a member of A; claimed by another member of A; claimed by someone outside A;
 * assigned to the caller with no group; for groups A and B; for B; for C, not the caller's; some overdue.
 */
abstract class EngineTablesTests {

    @Autowired
    EngineTables engine;
    @Autowired
    TaskInbox inbox;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String groupA = "eta-" + run;
    final String groupB = "etb-" + run;
    final String groupC = "etc-" + run;
    final String caller = "etu-" + run;
    final List<String> created = new ArrayList<>();
    final Instant now = Instant.now();

    /** The process key as the native query is given it, so that the public answer is mapped the same way. */
    static final Function<String, String> KEY = id -> id == null ? null : "key:" + id;

    @BeforeEach
    void tasksOfEveryShape() {
        task("open for A", null, past(), groupA);
        task("claimed by the caller, in A", caller, future(), groupA);
        task("claimed by another of A", "other-of-a-" + run, past(), groupA);
        task("claimed outside A", "outsider-" + run, null, groupA);
        task("assigned to the caller, no group", caller, past());
        task("for A and B", null, future(), groupA, groupB);
        task("for B", null, null, groupB);
        task("for C", null, past(), groupC);
        task("for C, claimed", "someone-of-c-" + run, future(), groupC);
    }

    @AfterEach
    void deleteTasks() {
        created.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void theNativeQueryWasWrittenForThisFlowableVersion() {
        assertThat(ProcessEngine.VERSION).isEqualTo("7.2.0.2");
    }

    @Test
    void findsTheSameBusinessKeysAsThePublicQuery() {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().listPage(0, 50);
        assertThat(running).as("the demo data starts processes").isNotEmpty();
        Set<String> ids = running.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        Map<String, String> expected = new HashMap<>();
        running.forEach(pi -> expected.put(pi.getId(), pi.getBusinessKey()));

        assertThat(engine.businessKeys(ids)).isEqualTo(expected);
        assertThat(engine.businessKeys(Set.of())).isEmpty();
    }

    /** An instance started in the same command is covered by NoticesIT: a new case's first notice has its key. */
    @Test
    void insideACommandTheBusinessKeyIsThatOfThePublicQuery() {
        ProcessInstance running = runtime.createProcessInstanceQuery().listPage(0, 1).get(0);
        String[] found = new String[1];
        engine.inOneCommand(() -> found[0] = engine.businessKeyInCommand(running.getId()));
        assertThat(found[0]).isEqualTo(running.getBusinessKey()).isNotNull();
    }

    @Test
    void aCaseInstanceAndItsTasksAreThoseOfTheHistoricQueries() {
        List<HistoricProcessInstance> cases = new ArrayList<>(history.createHistoricProcessInstanceQuery().unfinished()
                .listPage(0, 5));
        cases.addAll(history.createHistoricProcessInstanceQuery().finished().listPage(0, 5));
        assertThat(cases).as("the demo data starts processes, some of them end").isNotEmpty();
        for (HistoricProcessInstance pi : cases) {
            EngineTables.Instance found = engine.instance(pi.getId()).orElseThrow();
            assertThat(found).isEqualTo(new EngineTables.Instance(pi.getId(), pi.getProcessDefinitionKey(),
                    pi.getProcessDefinitionName(), pi.getBusinessKey(), pi.getEndTime() != null));
            List<TaskSearch.DoneTask> expected = history.createHistoricTaskInstanceQuery()
                    .processInstanceId(pi.getId()).orderByHistoricTaskInstanceStartTime().asc()
                    .orderByTaskId().asc().list().stream()
                    .map(t -> new TaskSearch.DoneTask(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                            KEY.apply(t.getProcessDefinitionId()), pi.getId(), pi.getBusinessKey(),
                            t.getCompletedBy() != null ? t.getCompletedBy() : t.getAssignee(), instant(t.getCreateTime()),
                            instant(t.getDueDate()), instant(t.getEndTime())))
                    .toList();
            assertThat(engine.tasksOf(found, KEY)).isEqualTo(expected);
        }
        assertThat(cases.stream().mapToInt(pi -> engine.tasksOf(engine.instance(pi.getId()).orElseThrow(), KEY).size())
                .sum()).as("cases with tasks are compared").isPositive();
        assertThat(engine.instance("no-such-instance-" + run)).isEmpty();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    @Test
    void aCallersPagesAreThoseOfThePublicQuery() {
        List<String> groups = List.of(groupA, groupB);
        List<TaskView> all = engine.openTasks(groups, caller, 0, 100, KEY);
        assertThat(all).extracting(TaskView::name).containsExactlyInAnyOrder("open for A",
                "claimed by the caller, in A", "assigned to the caller, no group", "for A and B", "for B");
        assertThat(all).filteredOn(t -> t.name().equals("for A and B")).singleElement()
                .satisfies(t -> assertThat(t.candidateGroups()).containsExactlyInAnyOrder(groupA, groupB));

        for (int page = 0; page < 3; page++) {
            assertSamePage(engine.openTasks(groups, caller, page, 2, KEY),
                    taskService.createTaskQuery().or().taskCandidateGroupIn(groups).taskAssignee(caller).endOr(),
                    page, 2);
        }
        assertSamePage(engine.openTasks(List.of(groupC), caller, 0, 10, KEY),
                taskService.createTaskQuery().or().taskCandidateGroupIn(List.of(groupC)).taskAssignee(caller)
                        .endOr(), 0, 10);
    }

    /** A caller of one group: their group's side keeps its duplicates (there are none), the pages are the same. */
    @Test
    void aCallerOfOneGroupPagesAsThePublicQuery() {
        List<TaskView> all = engine.openTasks(List.of(groupA), caller, 0, 100, KEY);
        assertThat(all).extracting(TaskView::name).containsExactlyInAnyOrder("open for A",
                "claimed by the caller, in A", "assigned to the caller, no group", "for A and B");
        for (int page = 0; page < 3; page++) {
            assertSamePage(engine.openTasks(List.of(groupA), caller, page, 2, KEY),
                    taskService.createTaskQuery().or().taskCandidateGroup(groupA).taskAssignee(caller).endOr(),
                    page, 2);
        }
        assertThat(engine.countOpenTasks(List.of(groupA), caller)).isEqualTo(4L);
    }

    @Test
    void oneTaskIsTheCallersExactlyWhenThePublicQueryFindsIt() {
        List<String> groups = List.of(groupA, groupB);
        for (String id : created) {
            List<Task> expected = taskService.createTaskQuery().taskId(id).or().taskCandidateGroupIn(groups)
                    .taskAssignee(caller).endOr().list();
            assertSamePage(engine.openTask(groups, caller, id, KEY).stream().toList(),
                    taskService.createTaskQuery().taskId(id).or().taskCandidateGroupIn(groups).taskAssignee(caller)
                            .endOr(), 0, 1);
            assertThat(engine.openTask(groups, caller, id, KEY).isPresent()).as(id).isEqualTo(!expected.isEmpty());
            assertThat(engine.openTask(List.of(), "admin", id, KEY)).as("every task for administrators").isPresent();
        }
        assertThat(engine.openTask(groups, caller, "no-such-task", KEY)).isEmpty();
    }

    /** Administrators and system accounts (no groups) see every task: the demo's process tasks and these. */
    @Test
    void everyTaskPageIsThatOfThePublicQuery() {
        for (int page = 0; page < 2; page++) {
            assertSamePage(engine.openTasks(List.of(), "admin", page, 25, KEY), taskService.createTaskQuery(),
                    page, 25);
        }
        assertThat(engine.openTasks(List.of(), "admin", 0, 25, KEY)).as("the demo data has process tasks")
                .anySatisfy(t -> assertThat(t.businessKey()).isNotNull());
    }

    @Test
    void aCallersCountIsThatOfThePublicQuery() {
        List<String> groups = List.of(groupA, groupB);
        assertThat(engine.countOpenTasks(groups, caller)).isEqualTo(5L)
                .isEqualTo(taskService.createTaskQuery().or().taskCandidateGroupIn(groups).taskAssignee(caller).endOr()
                        .count());
        assertThat(engine.countOpenTasks(List.of(groupC), "someone else")).isEqualTo(taskService.createTaskQuery()
                .or().taskCandidateGroupIn(List.of(groupC)).taskAssignee("someone else").endOr().count());
        assertThat(engine.countOpenTasks(List.of(), "admin")).as("every task for administrators")
                .isEqualTo(taskService.createTaskQuery().count());
    }

    @Test
    void theWorkloadIsThatOfThePublicQuery() {
        TaskSearch.Workload work = engine.workload(now);
        Date nowDate = Date.from(now);

        assertThat(work.open()).isEqualTo(taskService.createTaskQuery().count());
        assertThat(work.overdue()).isEqualTo(taskService.createTaskQuery().taskDueBefore(nowDate).count());
        assertThat(work.byGroup()).extracting(TaskSearch.GroupLoad::group).contains(groupA, groupB, groupC);
        for (TaskSearch.GroupLoad load : work.byGroup()) {
            // a group's count takes its tasks whether someone claimed them or not
            assertThat(load.open()).as(load.group())
                    .isEqualTo(taskService.createTaskQuery().taskCandidateGroup(load.group()).ignoreAssigneeValue().count());
            assertThat(load.overdue()).as(load.group() + " overdue").isEqualTo(taskService.createTaskQuery()
                    .taskCandidateGroup(load.group()).ignoreAssigneeValue().taskDueBefore(nowDate).count());
        }
        assertThat(work.byGroup()).isSortedAccordingTo(Comparator.comparingLong(TaskSearch.GroupLoad::open)
                .reversed().thenComparing(TaskSearch.GroupLoad::group));
        Map<String, TaskSearch.GroupLoad> mine = work.byGroup().stream()
                .collect(Collectors.toMap(TaskSearch.GroupLoad::group, g -> g));
        assertThat(mine.get(groupA)).extracting(TaskSearch.GroupLoad::open, TaskSearch.GroupLoad::overdue)
                .containsExactly(5L, 2L);
        assertThat(mine.get(groupB)).extracting(TaskSearch.GroupLoad::open, TaskSearch.GroupLoad::overdue)
                .containsExactly(2L, 0L);
        assertThat(mine.get(groupC)).extracting(TaskSearch.GroupLoad::open, TaskSearch.GroupLoad::overdue)
                .containsExactly(2L, 1L);
    }

    @Test
    void aCasesCommentsAndFilesAreThoseOfThePublicApi() {
        ProcessInstance running = runtime.createProcessInstanceQuery().listPage(0, 1).get(0);
        String text = "材料齐全，同意。".repeat(40) + " " + run; // longer than Flowable's short message column
        Comment comment = taskService.addComment(null, running.getId(), text);
        Attachment file = taskService.createAttachment("application/pdf", null, running.getId(), "核查报告-" + run
                + ".pdf", "核查", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}));
        try {
            assertThat(engine.comments(running.getId())).containsExactlyInAnyOrderElementsOf(
                    taskService.getProcessInstanceComments(running.getId(), "comment").stream()
                            .map(c -> new TaskNotes.Note(c.getUserId(), c.getTime().toInstant(), c.getFullMessage(),
                                    c.getTaskId())).toList())
                    .anySatisfy(n -> assertThat(n.text()).isEqualTo(text));
            assertThat(engine.attachments(running.getId())).containsExactlyInAnyOrderElementsOf(
                    taskService.getProcessInstanceAttachments(running.getId()).stream()
                            .map(a -> new TaskNotes.FileNote(a.getId(), a.getName(), a.getType(), a.getUserId(),
                                    a.getTime().toInstant(), a.getTaskId(), a.getProcessInstanceId(), a.getUrl()))
                            .toList())
                    .anySatisfy(f -> assertThat(f.name()).isEqualTo("核查报告-" + run + ".pdf"));
        } finally {
            taskService.deleteComment(comment.getId());
            taskService.deleteAttachment(file.getId());
        }
    }

    @Test
    void theInboxHoldsEachOpenUnclaimedTaskOnceForEachOfItsGroups() {
        assertThat(inboxNames(groupA)).containsExactlyInAnyOrder("open for A", "for A and B");
        assertThat(inboxNames(groupB)).containsExactlyInAnyOrder("for A and B", "for B");
        assertThat(inboxNames(groupC)).containsExactly("for C");
        assertThat(engine.inboxDrift(TaskInbox.MAX_REPAIR)).as("nothing out of step after creating, grouping and claiming")
                .isEmpty();
    }

    @Test
    void aTaskHandedBackRegroupedOrDeletedIsListedAsThePublicQueryListsItAtOnce() {
        String another = id("claimed by another of A");
        taskService.unclaim(another);
        assertThat(inboxNames(groupA)).contains("claimed by another of A");
        taskService.claim(another, caller);
        assertThat(inboxNames(groupA)).doesNotContain("claimed by another of A");
        taskService.deleteCandidateGroup(id("for B"), groupB);
        taskService.addCandidateGroup(id("for B"), groupC);
        assertThat(inboxNames(groupB)).containsExactly("for A and B");
        assertThat(inboxNames(groupC)).containsExactlyInAnyOrder("for C", "for B");
        String forAandB = id("for A and B");
        taskService.complete(forAandB);
        created.remove(forAandB);
        assertThat(inboxNames(groupA)).containsExactly("open for A");
        assertThat(inboxNames(groupB)).isEmpty();

        for (List<String> groups : List.of(List.of(groupA), List.of(groupA, groupB), List.of(groupC))) {
            assertSamePage(engine.openTasks(groups, caller, 0, 10, KEY), taskService.createTaskQuery().or()
                    .taskCandidateGroupIn(groups).taskAssignee(caller).endOr(), 0, 10);
        }
        assertThat(engine.inboxDrift(TaskInbox.MAX_REPAIR)).isEmpty();
    }

    /** The inbox is written in the engine's transaction: a command that fails leaves no row of its task. */
    @Test
    void aCommandThatFailsLeavesNoInboxRow() {
        String group = "etf-" + run;
        assertThatThrownBy(() -> engine.inOneCommand(() -> {
            Task t = taskService.newTask();
            t.setName("rolled back");
            taskService.saveTask(t);
            taskService.addCandidateGroup(t.getId(), group);
            throw new IllegalStateException("the command fails after creating its task");
        })).hasMessageContaining("the command fails");

        assertThat(inboxNames(group)).isEmpty();
        assertThat(engine.openTasks(List.of(group), "nobody-" + run, 0, 10, KEY)).isEmpty();
    }

    /** A database from before the inbox, or rows changed behind the engine's back: the start's repair mends them. */
    @Test
    void aRepairAddsTheMissingRowsAndRemovesTheStaleOnes() {
        jdbc.update("DELETE FROM task_inbox WHERE group_id = ?", groupA);
        jdbc.update("INSERT INTO task_inbox (task_id, group_id, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                id("for C, claimed"), groupC);

        assertThat(inbox.repair(1)).as("tasks written again, one per round")
                .containsExactlyInAnyOrder(id("open for A"), id("for A and B"), id("for C, claimed"));

        assertThat(inboxNames(groupA)).containsExactlyInAnyOrder("open for A", "for A and B");
        assertThat(inboxNames(groupC)).containsExactly("for C");
        assertSamePage(engine.openTasks(List.of(groupA), caller, 0, 10, KEY), taskService.createTaskQuery().or()
                .taskCandidateGroup(groupA).taskAssignee(caller).endOr(), 0, 10);
    }

    /** Rows changed behind the engine's back while the hub runs: the periodic check writes those tasks again. */
    @Test
    void theCheckWhileTheHubRunsWritesAgainTheTasksOutOfStep() {
        jdbc.update("DELETE FROM task_inbox WHERE group_id = ?", groupA);
        jdbc.update("INSERT INTO task_inbox (task_id, group_id, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                id("for C, claimed"), groupC);
        assertThat(engine.inboxDrift(TaskInbox.MAX_REPAIR))
                .containsExactlyInAnyOrder(id("open for A"), id("for A and B"), id("for C, claimed"));

        inbox.recheck();

        assertThat(inboxNames(groupA)).containsExactlyInAnyOrder("open for A", "for A and B");
        assertThat(inboxNames(groupC)).containsExactly("for C");
        assertThat(engine.inboxDrift(TaskInbox.MAX_REPAIR)).isEmpty();
        assertThat(inbox.repair(TaskInbox.MAX_REPAIR)).as("a check that finds nothing writes nothing").isEmpty();
    }

    /** The names of the tasks the inbox holds for a group. */
    private List<String> inboxNames(String group) {
        return jdbc.queryForList("SELECT task_id FROM task_inbox WHERE group_id = ?", String.class, group).stream()
                .map(id -> taskService.createTaskQuery().taskId(id).singleResult().getName()).toList();
    }

    private String id(String name) {
        return created.stream().filter(id -> name.equals(taskService.createTaskQuery().taskId(id).singleResult()
                .getName())).findFirst().orElseThrow();
    }

    /** The native page against the public query's page: ids in order, names, business keys, groups, people, times. */
    private void assertSamePage(List<TaskView> actual, TaskQuery query, int page, int size) {
        List<Task> expected = query.orderByTaskCreateTime().desc().orderByTaskId().desc()
                .listPage(page * size, size);
        assertThat(actual).extracting(TaskView::id).as("page %d", page)
                .containsExactlyElementsOf(expected.stream().map(Task::getId).toList());
        for (int i = 0; i < expected.size(); i++) {
            Task t = expected.get(i);
            TaskView v = actual.get(i);
            assertThat(v.name()).isEqualTo(t.getName());
            assertThat(v.taskDefinitionKey()).isEqualTo(t.getTaskDefinitionKey());
            assertThat(v.processDefinitionKey()).isEqualTo(KEY.apply(t.getProcessDefinitionId()));
            assertThat(v.processInstanceId()).isEqualTo(t.getProcessInstanceId());
            assertThat(v.businessKey()).as(t.getId()).isEqualTo(businessKey(t));
            assertThat(v.assignee()).isEqualTo(t.getAssignee());
            assertThat(v.created()).isEqualTo(t.getCreateTime().toInstant());
            assertThat(v.due()).isEqualTo(t.getDueDate() == null ? null : t.getDueDate().toInstant());
            assertThat(v.candidateGroups()).as(t.getId()).containsExactlyInAnyOrderElementsOf(
                    taskService.getIdentityLinksForTask(t.getId()).stream()
                            .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
                            .map(IdentityLink::getGroupId).toList());
        }
    }

    private String businessKey(Task t) {
        if (t.getProcessInstanceId() == null) {
            return null;
        }
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                .singleResult();
        return pi == null ? null : pi.getBusinessKey();
    }

    private void task(String name, String assignee, Instant due, String... groups) {
        Task t = taskService.newTask();
        t.setName(name);
        t.setDueDate(due == null ? null : Date.from(due));
        taskService.saveTask(t);
        created.add(t.getId());
        for (String g : groups) {
            taskService.addCandidateGroup(t.getId(), g);
        }
        if (assignee != null) {
            taskService.setAssignee(t.getId(), assignee);
        }
    }

    private Instant past() {
        return now.minus(Duration.ofDays(2));
    }

    private Instant future() {
        return now.plus(Duration.ofDays(2));
    }
}
