package cn.gov.sd.pilotzone.zone;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The zone tables of V3: lifecycles, task states, reports, escalations, acceptance results and history. */
@Repository
class ZoneStore {

    /** A county's first acceptance (kind COUNTY) or an expert's score in a round (kind EXPERT). */
    public record AcceptanceResult(String kind, int round, String subject, BigDecimal score, Boolean passed,
                                   String remark, String recordedBy, Instant recordedAt) {
        public static final String COUNTY = "COUNTY";
        public static final String EXPERT = "EXPERT";
    }

    public record Event(Instant occurredAt, String actor, String step, String taskCode, String decision, String remark) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ZoneStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private LocalDateTime now() {
        return Utc.of(clock.instant());
    }

    // --- lifecycles

    /** @throws org.springframework.dao.DuplicateKeyException when the zone already has a running lifecycle */
    public void insertLifecycle(String lifecycleId, String zoneId, String coordinator, String reportPeriod,
                                Instant implementationStart, String startedBy) {
        LocalDateTime now = now();
        jdbc.update("INSERT INTO zone_lifecycle (lifecycle_id, zone_id, running_zone, coordinator, phase, status, "
                        + "report_period, implementation_start, acceptance_round, started_by, started_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                lifecycleId, zoneId, zoneId, coordinator, Lifecycle.Phase.MOBILIZATION.name(),
                Lifecycle.Status.RUNNING.name(), reportPeriod, Utc.of(implementationStart), 0, startedBy, now, now);
    }

    public void setProcessInstance(String lifecycleId, String processInstanceId) {
        set(lifecycleId, "process_instance_id", processInstanceId);
    }

    public void setPhase(String lifecycleId, Lifecycle.Phase phase) {
        set(lifecycleId, "phase", phase.name());
    }

    public void setImplementation(String lifecycleId, Instant start, Instant due, Instant acceptanceStart) {
        jdbc.update("UPDATE zone_lifecycle SET implementation_start=?, implementation_due=?, acceptance_start=?, "
                        + "updated_at=? WHERE lifecycle_id=?",
                Utc.of(start), Utc.of(due), Utc.of(acceptanceStart), now(), lifecycleId);
    }

    public void setFirstCounties(String lifecycleId, List<String> counties) {
        set(lifecycleId, "first_counties", String.join(",", counties));
    }

    /** Starts the next expert acceptance round and returns its number (1 for the first). */
    public int nextAcceptanceRound(String lifecycleId) {
        jdbc.update("UPDATE zone_lifecycle SET acceptance_round = acceptance_round + 1, updated_at=? WHERE lifecycle_id=?",
                now(), lifecycleId);
        return get(lifecycleId).acceptanceRound();
    }

    public void setAcceptanceScore(String lifecycleId, BigDecimal score) {
        set(lifecycleId, "acceptance_score", score);
    }

    /** Ends a lifecycle: it no longer blocks a new one for the zone. */
    public void end(String lifecycleId, Lifecycle.Status status, Lifecycle.Phase phase) {
        LocalDateTime now = now();
        jdbc.update("UPDATE zone_lifecycle SET running_zone=NULL, status=?, phase=?, ended_at=?, updated_at=? "
                + "WHERE lifecycle_id=?", status.name(), phase.name(), now, now, lifecycleId);
    }

    public Optional<Lifecycle> find(String lifecycleId) {
        return jdbc.query("SELECT * FROM zone_lifecycle WHERE lifecycle_id=?", ZoneStore::lifecycle, lifecycleId)
                .stream().findFirst();
    }

    public Lifecycle get(String lifecycleId) {
        return find(lifecycleId).orElseThrow(() -> new IllegalStateException("no lifecycle " + lifecycleId));
    }

    public Optional<Lifecycle> byProcessInstance(String processInstanceId) {
        return jdbc.query("SELECT * FROM zone_lifecycle WHERE process_instance_id=?", ZoneStore::lifecycle,
                processInstanceId).stream().findFirst();
    }

    public Optional<Lifecycle> running(String zoneId) {
        return jdbc.query("SELECT * FROM zone_lifecycle WHERE running_zone=?", ZoneStore::lifecycle, zoneId)
                .stream().findFirst();
    }

    /** What the zone views show: the running lifecycle, else the last one that ended accepted; cancelled ones not. */
    public Optional<Lifecycle> current(String zoneId) {
        return jdbc.query("SELECT * FROM zone_lifecycle WHERE zone_id=? AND status<>? ORDER BY started_at DESC, "
                        + "lifecycle_id LIMIT 1", ZoneStore::lifecycle, zoneId, Lifecycle.Status.CANCELLED.name())
                .stream().findFirst();
    }

    public boolean everStarted(String zoneId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM zone_lifecycle WHERE zone_id=?", Integer.class, zoneId);
        return n != null && n > 0;
    }

    private void set(String lifecycleId, String column, Object value) {
        jdbc.update("UPDATE zone_lifecycle SET " + column + "=?, updated_at=? WHERE lifecycle_id=?", value, now(),
                lifecycleId);
    }

    private static Lifecycle lifecycle(ResultSet rs, int i) throws SQLException {
        String counties = rs.getString("first_counties");
        return new Lifecycle(rs.getString("lifecycle_id"), rs.getString("zone_id"), rs.getString("process_instance_id"),
                rs.getString("coordinator"), Lifecycle.Phase.valueOf(rs.getString("phase")),
                Lifecycle.Status.valueOf(rs.getString("status")), rs.getString("report_period"),
                instant(rs, "implementation_start"), instant(rs, "implementation_due"), instant(rs, "acceptance_start"),
                counties == null || counties.isBlank() ? List.of() : Arrays.asList(counties.split(",")),
                rs.getInt("acceptance_round"), rs.getBigDecimal("acceptance_score"), rs.getString("started_by"),
                instant(rs, "started_at"), instant(rs, "ended_at"));
    }

    // --- task states

    public void insertTasks(String lifecycleId, List<String> taskCodes) {
        LocalDateTime now = now();
        jdbc.batchUpdate("INSERT INTO zone_task (lifecycle_id, task_code, seq, status, updated_at) VALUES (?,?,?,?,?)",
                IntStream.range(0, taskCodes.size()).mapToObj(i -> new Object[]{
                        lifecycleId, taskCodes.get(i), i, TaskState.Status.PLANNED.name(), now}).toList());
    }

    public List<TaskState> tasks(String lifecycleId) {
        return jdbc.query("SELECT * FROM zone_task WHERE lifecycle_id=? ORDER BY seq", ZoneStore::task, lifecycleId);
    }

    public Optional<TaskState> task(String lifecycleId, String taskCode) {
        return jdbc.query("SELECT * FROM zone_task WHERE lifecycle_id=? AND task_code=?", ZoneStore::task,
                lifecycleId, taskCode).stream().findFirst();
    }

    /** Every task of the lifecycle goes to its lead bureaus, due at the end of implementation. */
    public void assignAll(String lifecycleId, Instant due) {
        LocalDateTime now = now();
        jdbc.update("UPDATE zone_task SET status=?, due_at=?, last_checked_at=?, updated_at=? WHERE lifecycle_id=?",
                TaskState.Status.IN_PROGRESS.name(), Utc.of(due), now, now, lifecycleId);
    }

    public void setTaskStatus(String lifecycleId, String taskCode, TaskState.Status status) {
        LocalDateTime now = now();
        jdbc.update("UPDATE zone_task SET status=?, done_at=?, updated_at=? WHERE lifecycle_id=? AND task_code=?",
                status.name(), status == TaskState.Status.DONE ? now : null, now, lifecycleId, taskCode);
    }

    public void setReported(String lifecycleId, String taskCode, int progress, Instant at) {
        jdbc.update("UPDATE zone_task SET progress=?, last_report_at=?, updated_at=? WHERE lifecycle_id=? AND task_code=?",
                progress, Utc.of(at), now(), lifecycleId, taskCode);
    }

    public void setChecked(String lifecycleId, String taskCode, Instant at) {
        jdbc.update("UPDATE zone_task SET last_checked_at=? WHERE lifecycle_id=? AND task_code=?", Utc.of(at),
                lifecycleId, taskCode);
    }

    private static TaskState task(ResultSet rs, int i) throws SQLException {
        return new TaskState(rs.getString("lifecycle_id"), rs.getString("task_code"), rs.getInt("seq"),
                TaskState.Status.valueOf(rs.getString("status")), (Integer) rs.getObject("progress", Integer.class),
                instant(rs, "last_report_at"), instant(rs, "last_checked_at"), instant(rs, "due_at"),
                instant(rs, "done_at"));
    }

    // --- reports

    public ProgressReport insertReport(String lifecycleId, String zoneId, String taskCode, String bureau, String period,
                                       int progress, String summary, String issues, ProgressReport.Source source,
                                       String reportedBy) {
        String id = UUID.randomUUID().toString();
        Instant at = clock.instant();
        jdbc.update("INSERT INTO zone_report (id, lifecycle_id, zone_id, task_code, bureau, period, progress, summary, "
                        + "issues, source, reported_by, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                id, lifecycleId, zoneId, taskCode, bureau, period, progress, summary, issues, source.name(), reportedBy,
                Utc.of(at));
        setReported(lifecycleId, taskCode, progress, at);
        return new ProgressReport(id, lifecycleId, zoneId, taskCode, bureau, period, progress, summary, issues, source,
                reportedBy, at);
    }

    public List<ProgressReport> reports(String lifecycleId, String taskCode) {
        return jdbc.query("SELECT * FROM zone_report WHERE lifecycle_id=? AND task_code=? "
                + "ORDER BY received_at DESC, seq DESC", ZoneStore::report, lifecycleId, taskCode);
    }

    /** The newest report of each task of the lifecycle. */
    public Map<String, ProgressReport> latestReports(String lifecycleId) {
        Map<String, ProgressReport> latest = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM zone_report WHERE lifecycle_id=? ORDER BY received_at DESC, seq DESC",
                ZoneStore::report, lifecycleId).forEach(r -> latest.putIfAbsent(r.taskCode(), r));
        return latest;
    }

    private static ProgressReport report(ResultSet rs, int i) throws SQLException {
        return new ProgressReport(rs.getString("id"), rs.getString("lifecycle_id"), rs.getString("zone_id"),
                rs.getString("task_code"), rs.getString("bureau"), rs.getString("period"), rs.getInt("progress"),
                rs.getString("summary"), rs.getString("issues"), ProgressReport.Source.valueOf(rs.getString("source")),
                rs.getString("reported_by"), instant(rs, "received_at"));
    }

    // --- escalations

    public Escalation raise(String lifecycleId, String zoneId, String taskCode, Escalation.Kind kind, String note) {
        String id = UUID.randomUUID().toString();
        Instant at = clock.instant();
        jdbc.update("INSERT INTO zone_escalation (id, lifecycle_id, zone_id, task_code, kind, raised_at, note) "
                + "VALUES (?,?,?,?,?,?,?)", id, lifecycleId, zoneId, taskCode, kind.name(), Utc.of(at), note);
        return new Escalation(id, lifecycleId, zoneId, taskCode, kind, at, null, null, note);
    }

    public boolean hasOpen(String lifecycleId, String taskCode, Escalation.Kind kind) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM zone_escalation WHERE lifecycle_id=? AND task_code=? "
                + "AND kind=? AND resolved_at IS NULL", Integer.class, lifecycleId, taskCode, kind.name());
        return n != null && n > 0;
    }

    public void resolve(String escalationId, String by, String note) {
        jdbc.update("UPDATE zone_escalation SET resolved_at=?, resolved_by=?, note=? WHERE id=? AND resolved_at IS NULL",
                now(), by, truncate(note), escalationId);
    }

    public void resolveAll(String lifecycleId, String taskCode, String by, String note) {
        jdbc.update("UPDATE zone_escalation SET resolved_at=?, resolved_by=?, note=? WHERE lifecycle_id=? "
                + "AND task_code=? AND resolved_at IS NULL", now(), by, note, lifecycleId, taskCode);
    }

    public List<Escalation> escalations(String lifecycleId) {
        return jdbc.query("SELECT * FROM zone_escalation WHERE lifecycle_id=? ORDER BY raised_at, id",
                ZoneStore::escalation, lifecycleId);
    }

    private static Escalation escalation(ResultSet rs, int i) throws SQLException {
        return new Escalation(rs.getString("id"), rs.getString("lifecycle_id"), rs.getString("zone_id"),
                rs.getString("task_code"), Escalation.Kind.valueOf(rs.getString("kind")), instant(rs, "raised_at"),
                instant(rs, "resolved_at"), rs.getString("resolved_by"), rs.getString("note"));
    }

    // --- acceptance

    public void recordAcceptance(String lifecycleId, String kind, int round, String subject, BigDecimal score,
                                 Boolean passed, String remark, String by) {
        Object[] values = {score, passed, truncate(remark), by, now(), lifecycleId, kind, round, subject};
        // update-then-insert: portable, and a re-recorded result replaces the earlier one
        if (jdbc.update("UPDATE zone_acceptance SET score=?, passed=?, remark=?, recorded_by=?, recorded_at=? "
                + "WHERE lifecycle_id=? AND kind=? AND round_no=? AND subject=?", values) == 0) {
            jdbc.update("INSERT INTO zone_acceptance (score, passed, remark, recorded_by, recorded_at, lifecycle_id, "
                    + "kind, round_no, subject) VALUES (?,?,?,?,?,?,?,?,?)", values);
        }
    }

    public List<AcceptanceResult> acceptance(String lifecycleId) {
        return jdbc.query("SELECT * FROM zone_acceptance WHERE lifecycle_id=? ORDER BY kind, round_no, recorded_at",
                (rs, i) -> new AcceptanceResult(rs.getString("kind"), rs.getInt("round_no"), rs.getString("subject"),
                        rs.getBigDecimal("score"), (Boolean) rs.getObject("passed", Boolean.class),
                        rs.getString("remark"), rs.getString("recorded_by"), instant(rs, "recorded_at")),
                lifecycleId);
    }

    // --- history

    public void addEvent(String lifecycleId, String actor, String step, String taskCode, String decision, String remark) {
        jdbc.update("INSERT INTO zone_event (id, lifecycle_id, occurred_at, actor, step, task_code, decision, remark) "
                        + "VALUES (?,?,?,?,?,?,?,?)", UUID.randomUUID().toString(), lifecycleId, now(), actor, step,
                taskCode, decision, truncate(remark));
    }

    public List<Event> events(String lifecycleId) {
        return jdbc.query("SELECT * FROM zone_event WHERE lifecycle_id=? ORDER BY occurred_at, seq",
                (rs, i) -> new Event(instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("step"),
                        rs.getString("task_code"), rs.getString("decision"), rs.getString("remark")), lifecycleId);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Utc.instant(rs.getObject(column, LocalDateTime.class));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1990) + " …";
    }
}
