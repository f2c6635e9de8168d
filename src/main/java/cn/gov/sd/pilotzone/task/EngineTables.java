package cn.gov.sd.pilotzone.task;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.common.engine.impl.interceptor.CommandContextCloseListener;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.runtime.NativeProcessInstanceQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hub's native queries on the engine's tables, each where Flowable's query API was measured too slow; the
 * one class that names Flowable's tables ({@code EngineTablesIT} pins the Flowable version they were measured and
 * checked on, and compares each with the public API's answer).
 * <ul>
 * <li>Business keys by process instance: {@code processInstanceIds(…)} filters on {@code PROC_INST_ID_} inside
 * an OR group, which H2 evaluates row by row over every execution (two thirds of a task-list request with 3,000
 * open tasks, growing with the number of running processes).</li>
 * <li>A page of a caller's open tasks, starting from their candidate groups (see {@link Tasks#open}), and one
 * task if the caller works it (see {@link Tasks#visible}).</li>
 * <li>Open and overdue tasks per candidate group for the dashboard: one grouped query instead of two task queries
 * per bureau (some forty bureaus).</li>
 * <li>A case's comments and files: through TaskService each was an engine command in a transaction of its own,
 * and a case page was held in one transaction for them.</li>
 * <li>Several service calls as one engine command ({@link #inOneCommand}): Flowable's {@code Command} is in an
 * impl package, so it is used here only.</li>
 * <li>The task inbox ({@link TaskInbox}): its rows written again after each command that changed a task, and
 * repaired at start from the engine's tables.</li>
 * <li>The business key of an instance and a variable of an execution from inside an engine command
 * ({@link #businessKeyInCommand}, {@link #variableInCommand}, public for the notices' task listener): the reads of
 * Flowable's internal entity cache.</li>
 * </ul>
 */
@Component
public class EngineTables {

    static final String EXECUTION_TABLE = "ACT_RU_EXECUTION";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;

    EngineTables(RuntimeService runtime, ManagementService management, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
    }

    /**
     * Runs engine service calls as one command: they share Flowable's command context, so the engine writes once at
     * the end, and changes to an entity that a later call deletes are not written at all. Completing a task with
     * its comment and assignee this way took a task completion from three flushes to one.
     */
    void inOneCommand(Runnable calls) {
        management.executeCommand(context -> {
            calls.run();
            return null;
        });
    }

    Map<String, String> businessKeys(Collection<String> processInstanceIds) {
        Map<String, String> keys = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return keys;
        }
        NativeProcessInstanceQuery query = runtime.createNativeProcessInstanceQuery();
        StringBuilder in = new StringBuilder();
        int i = 0;
        for (String id : processInstanceIds) {
            in.append(i == 0 ? "" : ",").append("#{id").append(i).append('}');
            query.parameter("id" + i++, id);
        }
        query.sql("SELECT * FROM " + EXECUTION_TABLE + " WHERE ID_ IN (" + in + ")").list()
                .forEach(pi -> keys.put(pi.getId(), pi.getBusinessKey()));
        return keys;
    }

    /**
     * The business key of a process instance, asked from inside an engine command (an engine event listener). An
     * instance started in the same command is not in the database yet, so no query of the public API finds it; the
     * command's entity cache has it.
     */
    public String businessKeyInCommand(String processInstanceId) {
        ExecutionEntity instance = CommandContextUtil.getExecutionEntityManager().findById(processInstanceId);
        return instance == null ? null : instance.getBusinessKey();
    }

    /**
     * A variable as an execution and its parents see it, asked from inside an engine command. For a task's
     * variable ask its execution: a task just created has no variables of its own, and asking the task itself
     * costs a query to find none (one per task created, a start's or a completion's).
     */
    public Object variableInCommand(String executionId, String name) {
        ExecutionEntity execution = CommandContextUtil.getExecutionEntityManager().findById(executionId);
        return execution == null ? null : execution.getVariable(name);
    }

    /** The open tasks of these candidate groups (none: every task) and of this assignee, newest first. */
    List<TaskView> openTasks(List<String> groups, String username, int page, int size,
                             Function<String, String> processKey) {
        List<Object> args = new ArrayList<>();
        // the sort key travels with the caller's tasks: joined back to ACT_RU_TASK for it, H2 walked every open
        // task in time order and ran the union again for each until it had a page (README "Performance")
        String pageSql = "SELECT mine.ID_ FROM " + mine(groups, username, args, (long) page * size + size)
                + " ORDER BY mine.CREATE_TIME_ DESC, mine.ID_ DESC LIMIT ? OFFSET ?";
        args.add(size);
        args.add((long) page * size);
        return views(pageSql, args, processKey);
    }

    /** How many open tasks {@link #openTasks} has in all. */
    long countOpenTasks(List<String> groups, String username) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + mine(groups, username, args, null), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    /**
     * The caller's open tasks as a derived table {@code mine (ID_, CREATE_TIME_)}: their groups' unclaimed tasks from
     * the task inbox (the read model {@link TaskInbox} keeps in the engine's transactions) and their own by the
     * assignee's index, or every task for no groups (administrators and system accounts work any task). Flowable's
     * task query walked every open task and checked its links; reading the groups' candidate links instead still
     * looked up each linked task for its assignee and creation time (834 per county clerk in the benchmark).
     * <p>The two sides cannot share a task (unclaimed; claimed by the caller), so they are joined with UNION ALL:
     * a UNION sorted out duplicates among all of a county clerk's tasks, a quarter of the task list's query on H2
     * (README "Performance"). Only a caller of several groups can meet a task twice (offered to two of them), so
     * only their side removes duplicates. With {@code firstRows}, each side stops after that many rows in the page's
     * order, which the group side's index gives for one group.
     */
    private static String mine(List<String> groups, String username, List<Object> args, Long firstRows) {
        if (groups.isEmpty()) {
            return "(SELECT p.ID_, p.CREATE_TIME_ FROM ACT_RU_TASK p) mine";
        }
        args.addAll(groups);
        String order = firstRows == null ? "" : " ORDER BY CREATE_TIME_ DESC, ID_ DESC LIMIT " + firstRows;
        String groupSide = "SELECT " + (groups.size() > 1 ? "DISTINCT " : "") + "i.task_id AS ID_,"
                + " i.created_at AS CREATE_TIME_ FROM " + TaskInbox.TABLE + " i WHERE i.group_id "
                + (groups.size() == 1 ? "= ?" : "IN (" + String.join(",", groups.stream().map(g -> "?").toList())
                + ")") + order;
        args.add(username);
        String ownSide = "SELECT a.ID_, a.CREATE_TIME_ FROM ACT_RU_TASK a WHERE a.ASSIGNEE_ = ?" + order;
        return "((" + groupSide + ") UNION ALL (" + ownSide + ")) mine";
    }

    /**
     * Marks a task of the running engine command for the task inbox ({@link TaskInbox}): after the command's flush,
     * in its transaction, its rows are written again ({@link #refreshInbox}); a task the command created has none to
     * remove yet.
     */
    void markForInbox(String taskId, boolean created) {
        CommandContext command = Context.getCommandContext();
        InboxMarks marks = (InboxMarks) command.getAttribute(INBOX_MARKS);
        if (marks == null) {
            marks = new InboxMarks(new LinkedHashSet<>(), new LinkedHashSet<>());
            command.addAttribute(INBOX_MARKS, marks);
            command.addCloseListener(new InboxRefresh(this, marks));
        }
        marks.tasks().add(taskId);
        if (created) {
            marks.created().add(taskId);
        }
    }

    /** The command context attribute holding the command's marked tasks. */
    private static final String INBOX_MARKS = TaskInbox.class.getName();

    /** The tasks a command changed, and which of them it created. */
    private record InboxMarks(Set<String> tasks, Set<String> created) {
    }

    /** After the command's flush, in its transaction: the marked tasks' rows from what the engine just wrote. */
    private record InboxRefresh(EngineTables engine, InboxMarks marks) implements CommandContextCloseListener {

        @Override
        public void afterSessionsFlush(CommandContext commandContext) {
            engine.refreshInbox(marks.tasks(), marks.created());
        }

        @Override
        public void closing(CommandContext commandContext) {
        }

        @Override
        public void closed(CommandContext commandContext) {
        }

        @Override
        public void closeFailure(CommandContext commandContext) {
        }

        @Override
        public Integer order() {
            return 0;
        }

        @Override
        public boolean multipleAllowed() {
            return true;
        }
    }

    /**
     * Brings the inbox rows of these tasks in line with the engine's tables, inside the command that changed them,
     * after its flush: the rows of a task are its candidate groups while it is open and unclaimed, none otherwise.
     * Tasks created in the command have no rows to remove yet.
     */
    void refreshInbox(Collection<String> tasks, Collection<String> createdInCommand) {
        List<String> changed = tasks.stream().filter(t -> !createdInCommand.contains(t)).toList();
        if (!changed.isEmpty()) {
            jdbc.update("DELETE FROM " + TaskInbox.TABLE + " WHERE task_id IN (" + marks(changed) + ")",
                    changed.toArray());
        }
        jdbc.update("INSERT INTO " + TaskInbox.TABLE + " (task_id, group_id, created_at)"
                + " SELECT DISTINCT l.TASK_ID_, l.GROUP_ID_, t.CREATE_TIME_" + INBOX_SOURCE
                + " AND l.TASK_ID_ IN (" + marks(tasks) + ")", tasks.toArray());
    }

    /**
     * The tasks whose inbox rows differ from what the engine's tables say they should be (a missing row, or one too
     * many), at most {@code limit} of them; read only, in one statement, so one snapshot of both.
     */
    List<String> inboxDrift(int limit) {
        return jdbc.queryForList("SELECT l.TASK_ID_" + INBOX_SOURCE + " AND NOT EXISTS (SELECT 1 FROM "
                + TaskInbox.TABLE + " i WHERE i.task_id = l.TASK_ID_ AND i.group_id = l.GROUP_ID_)"
                + " UNION SELECT i.task_id FROM " + TaskInbox.TABLE + " i WHERE NOT EXISTS (SELECT 1" + INBOX_SOURCE
                + " AND l.TASK_ID_ = i.task_id AND l.GROUP_ID_ = i.group_id) LIMIT " + limit, String.class);
    }

    /** What the inbox holds, by its definition: an open task's candidate groups while nobody has claimed it. */
    private static final String INBOX_SOURCE = " FROM ACT_RU_IDENTITYLINK l JOIN ACT_RU_TASK t ON t.ID_ = l.TASK_ID_"
            + " WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL AND t.ASSIGNEE_ IS NULL";

    private static String marks(Collection<String> values) {
        return String.join(",", values.stream().map(v -> "?").toList());
    }

    /**
     * Holds the task's row until the transaction ends, so that requests acting on one task at once take turns and
     * each later one reads what the earlier left (a completed task is gone). Without it, a second completion read
     * the task before the first committed and its execution after, and Flowable failed it with "UserTask should not
     * be signalled before complete", a 500.
     */
    void lockTask(String taskId) {
        jdbc.query("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ = ? FOR UPDATE", (rs, n) -> rs.getString(1), taskId);
    }

    /**
     * One open task if the caller works it: the same rule as {@link #openTasks} (their groups' unclaimed tasks and
     * their own), in one query with its business key and groups; Flowable's task query with identity links took three.
     */
    Optional<TaskView> openTask(List<String> groups, String username, String taskId,
                                Function<String, String> processKey) {
        List<Object> args = new ArrayList<>();
        args.add(taskId);
        String idSql = "SELECT c.ID_ FROM ACT_RU_TASK c WHERE c.ID_ = ?";
        if (!groups.isEmpty()) {
            idSql += " AND (c.ASSIGNEE_ = ? OR c.ASSIGNEE_ IS NULL AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l"
                    + " WHERE l.TASK_ID_ = c.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IN ("
                    + String.join(",", groups.stream().map(g -> "?").toList()) + ")))";
            args.add(username);
            args.addAll(groups);
        }
        return views(idSql, args, processKey).stream().findFirst();
    }

    /** The tasks whose ids the query gives, in its order, each with its business key and candidate groups. */
    private List<TaskView> views(String idSql, List<Object> args, Function<String, String> processKey) {
        Map<String, TaskView> views = new LinkedHashMap<>();
        Map<String, List<String>> candidates = new HashMap<>();
        jdbc.query("SELECT t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.PROC_DEF_ID_, t.PROC_INST_ID_, t.ASSIGNEE_,"
                + " t.CREATE_TIME_, t.DUE_DATE_, e.BUSINESS_KEY_, l.GROUP_ID_ AS CANDIDATE_GROUP_"
                + " FROM (" + idSql + ") pg JOIN ACT_RU_TASK t ON t.ID_ = pg.ID_"
                + " LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
                + " LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate'"
                + " AND l.GROUP_ID_ IS NOT NULL"
                + " ORDER BY t.CREATE_TIME_ DESC, t.ID_ DESC", rs -> {
                    String id = rs.getString("ID_");
                    List<String> groupsOfTask = candidates.computeIfAbsent(id, k -> new ArrayList<>());
                    if (rs.getString("CANDIDATE_GROUP_") != null) {
                        groupsOfTask.add(rs.getString("CANDIDATE_GROUP_"));
                    }
                    if (!views.containsKey(id)) {
                        Timestamp created = rs.getTimestamp("CREATE_TIME_");
                        Timestamp due = rs.getTimestamp("DUE_DATE_");
                        views.put(id, new TaskView(id, rs.getString("NAME_"), rs.getString("TASK_DEF_KEY_"),
                                processKey.apply(rs.getString("PROC_DEF_ID_")), rs.getString("PROC_INST_ID_"),
                                rs.getString("BUSINESS_KEY_"), groupsOfTask, rs.getString("ASSIGNEE_"),
                                created == null ? null : created.toInstant(), due == null ? null : due.toInstant()));
                    }
                }, args.toArray());
        return List.copyOf(views.values());
    }

    /** A process instance, running or ended, with its process's key and name: what a case page starts from. */
    record Instance(String id, String processKey, String processName, String businessKey, boolean ended) {
    }

    /**
     * A process instance, running or ended. Flowable's historic queries build their SQL from some hundred
     * conditions on each call: half of each such query's CPU on the case page (README "Performance").
     */
    Optional<Instance> instance(String processInstanceId) {
        return jdbc.query("SELECT p.PROC_INST_ID_, p.BUSINESS_KEY_, p.END_TIME_, d.KEY_, d.NAME_"
                        + " FROM ACT_HI_PROCINST p LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_"
                        + " WHERE p.PROC_INST_ID_ = ?",
                (rs, i) -> new Instance(rs.getString("PROC_INST_ID_"), rs.getString("KEY_"), rs.getString("NAME_"),
                        rs.getString("BUSINESS_KEY_"), rs.getTimestamp("END_TIME_") != null), processInstanceId)
                .stream().findFirst();
    }

    /**
     * The user tasks of a process instance, done or open, oldest first, for a case page (whose instance gives the
     * business key): who completed each (else its assignee) and when.
     */
    List<TaskSearch.DoneTask> tasksOf(Instance instance, Function<String, String> processKey) {
        return jdbc.query("SELECT ID_, NAME_, TASK_DEF_KEY_, PROC_DEF_ID_, ASSIGNEE_, COMPLETED_BY_, START_TIME_,"
                        + " DUE_DATE_, END_TIME_ FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ? ORDER BY START_TIME_, ID_",
                (rs, i) -> new TaskSearch.DoneTask(rs.getString("ID_"), rs.getString("NAME_"),
                        rs.getString("TASK_DEF_KEY_"), processKey.apply(rs.getString("PROC_DEF_ID_")), instance.id(),
                        instance.businessKey(),
                        TaskSearch.DoneTask.holder(rs.getString("COMPLETED_BY_"), rs.getString("ASSIGNEE_")),
                        instant(rs.getTimestamp("START_TIME_")),
                        instant(rs.getTimestamp("DUE_DATE_")), instant(rs.getTimestamp("END_TIME_"))),
                instance.id());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * A case's comments, in Flowable's order (newest first): the case page read them through TaskService, an engine
     * command with a transaction of its own, and the page was held in one transaction for that (three round trips
     * more per page on MariaDB). The full text is the comment's bytes in UTF-8, as Flowable reads them.
     */
    List<TaskNotes.Note> comments(String processInstanceId) {
        return jdbc.query("SELECT USER_ID_, TIME_, TASK_ID_, FULL_MSG_, MESSAGE_ FROM ACT_HI_COMMENT"
                        + " WHERE PROC_INST_ID_ = ? AND TYPE_ = 'comment' ORDER BY TIME_ DESC",
                (rs, i) -> {
                    byte[] full = rs.getBytes("FULL_MSG_");
                    return new TaskNotes.Note(rs.getString("USER_ID_"), instant(rs.getTimestamp("TIME_")),
                            full == null ? rs.getString("MESSAGE_") : new String(full, StandardCharsets.UTF_8),
                            rs.getString("TASK_ID_"));
                }, processInstanceId);
    }

    /** A case's files, in Flowable's order (newest first); see {@link #comments}. */
    List<TaskNotes.FileNote> attachments(String processInstanceId) {
        return jdbc.query("SELECT ID_, NAME_, TYPE_, USER_ID_, TIME_, TASK_ID_, PROC_INST_ID_, URL_"
                        + " FROM ACT_HI_ATTACHMENT WHERE PROC_INST_ID_ = ? ORDER BY TIME_ DESC",
                (rs, i) -> new TaskNotes.FileNote(rs.getString("ID_"), rs.getString("NAME_"), rs.getString("TYPE_"),
                        rs.getString("USER_ID_"), instant(rs.getTimestamp("TIME_")), rs.getString("TASK_ID_"),
                        rs.getString("PROC_INST_ID_"), rs.getString("URL_")), processInstanceId);
    }

    /** Open and overdue tasks, in all and per candidate group (busiest first); a task with two groups counts for both. */
    TaskSearch.Workload workload(Instant now) {
        // Flowable binds dates with setTimestamp, so compare with a Timestamp bound the same way
        Timestamp nowTs = new Timestamp(now.toEpochMilli());
        long open = count("SELECT COUNT(*) FROM ACT_RU_TASK");
        long overdue = count("SELECT COUNT(*) FROM ACT_RU_TASK WHERE DUE_DATE_ < ?", nowTs);
        List<TaskSearch.GroupLoad> groups = jdbc.query("SELECT l.GROUP_ID_ AS grp, COUNT(*) AS open_tasks,"
                        + " SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END) AS overdue_tasks"
                        + " FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_"
                        + " WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL"
                        + " GROUP BY l.GROUP_ID_ ORDER BY open_tasks DESC, grp",
                (rs, i) -> new TaskSearch.GroupLoad(rs.getString("grp"), rs.getLong("open_tasks"),
                        rs.getLong("overdue_tasks")), nowTs);
        return new TaskSearch.Workload(open, overdue, groups);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
