package cn.gov.sd.pilotzone.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.gov.sd.pilotzone.common.Utc;
import cn.gov.sd.pilotzone.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The notices of table {@code hub_notice} (docs/notices.md): written when work arrives, comes back, nears or passes
 * its due date, or is reminded or handed over; read by the bureau's clerks in the hub and mailed by
 * {@link NoticeMailer}. A caller reads the notices of the groups whose tasks they work and their own.
 */
@Service
public class Notices {

    /** The task a notice is about, as the writer knows it. */
    public record About(String taskId, String taskName, String processKey, String processInstanceId,
                        String businessKey, Instant due) {
    }

    private static final String COLUMNS = "id, bureau_code, username, kind, task_id, task_name, process_key,"
            + " process_instance_id, business_key, due_at, actor, note, created_at, read_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Notices(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A notice for a bureau. */
    public void toBureau(String bureauCode, Notice.Kind kind, About about, String actor, String note) {
        insert(bureauCode, null, kind, about, actor, note, null);
    }

    /** A notice for one person. */
    public void toPerson(String username, Notice.Kind kind, About about, String actor, String note) {
        insert(null, username, kind, about, actor, note, null);
    }

    /**
     * A notice that is written once per {@code dedupKey}, whoever tries first (the due sweep on several nodes).
     * {@code false} if it was there already.
     */
    boolean once(String bureauCode, String username, Notice.Kind kind, About about, String dedupKey) {
        try {
            insert(bureauCode, username, kind, about, null, null, dedupKey);
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /** Which of these de-duplication keys exist already (the sweep asks before writing). */
    List<String> existingKeys(List<String> keys) {
        List<String> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            String in = String.join(",", Collections.nCopies(chunk.size(), "?"));
            found.addAll(jdbc.queryForList("SELECT dedup_key FROM hub_notice WHERE dedup_key IN (" + in + ")",
                    String.class, chunk.toArray()));
        }
        return found;
    }

    /** The caller's notices, newest first. */
    public List<Notice> of(Caller caller, int page, int size) {
        Scope scope = scope(caller);
        List<Object> args = new ArrayList<>(scope.args());
        args.add(size);
        args.add(page * size);
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_notice WHERE " + scope.where()
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", Notices::notice, args.toArray());
    }

    public long count(Caller caller) {
        Scope scope = scope(caller);
        return jdbc.queryForObject("SELECT COUNT(*) FROM hub_notice WHERE " + scope.where(), Long.class,
                scope.args().toArray());
    }

    public long unread(Caller caller) {
        return unread(caller, Long.MAX_VALUE);
    }

    /**
     * The caller's unread notices, counted up to {@code atMost} (the badge on every page shows "99+"): the caller's
     * own plus their bureaus' others, each on its index (V81: owner, read_at), each side stopping at {@code atMost},
     * in one statement (every page asks). Counted in full with one OR, as before, every page read all of a bureau's
     * notices (150 ms a page on H2 with a county's 25,000 unread, README "Performance").
     */
    public long unread(Caller caller, long atMost) {
        String own = "SELECT 1 FROM hub_notice WHERE username = ? AND read_at IS NULL";
        List<String> groups = caller.candidateGroups();
        if (groups.isEmpty()) {
            return count("SELECT COUNT(*) FROM (" + own + " LIMIT ?) x", caller.username(), atMost);
        }
        List<Object> args = new ArrayList<>();
        args.add(caller.username());
        args.add(atMost);
        args.addAll(groups);
        args.add(caller.username());
        args.add(atMost);
        long both = count("SELECT (SELECT COUNT(*) FROM (" + own + " LIMIT ?) x)"
                + " + (SELECT COUNT(*) FROM (SELECT 1 FROM hub_notice WHERE bureau_code IN ("
                + String.join(",", Collections.nCopies(groups.size(), "?")) + ") AND read_at IS NULL"
                + " AND (username IS NULL OR username <> ?) LIMIT ?) y)", args.toArray());
        return Math.min(both, atMost);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** Marks one of the caller's notices read; {@code false} if it is not theirs. */
    public boolean markRead(Caller caller, long id) {
        Scope scope = scope(caller);
        List<Object> args = new ArrayList<>();
        args.add(Utc.of(clock.instant()));
        args.add(id);
        args.addAll(scope.args());
        return jdbc.update("UPDATE hub_notice SET read_at = COALESCE(read_at, ?) WHERE id = ? AND ("
                + scope.where() + ")", args.toArray()) == 1;
    }

    public int markAllRead(Caller caller) {
        Scope scope = scope(caller);
        List<Object> args = new ArrayList<>();
        args.add(Utc.of(clock.instant()));
        args.addAll(scope.args());
        return jdbc.update("UPDATE hub_notice SET read_at = ? WHERE read_at IS NULL AND (" + scope.where() + ")",
                args.toArray());
    }

    /** Which of these open tasks a return brought back (the list marks them). */
    public Set<String> returned(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Set.of();
        }
        String in = String.join(",", Collections.nCopies(taskIds.size(), "?"));
        List<Object> args = new ArrayList<>(taskIds);
        args.add(Notice.Kind.RETURNED.name());
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT task_id FROM hub_notice WHERE task_id IN ("
                + in + ") AND kind = ?", String.class, args.toArray()));
    }

    /** The reminders of a task, newest first: who reminded whom, when, and what they wrote. */
    public List<Notice> reminders(String taskId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_notice WHERE task_id = ? AND kind = ?"
                + " ORDER BY created_at DESC, id DESC", Notices::notice, taskId, Notice.Kind.REMINDED.name());
    }

    /** One of the caller's notices. */
    public Notice of(Caller caller, long id) {
        Scope scope = scope(caller);
        List<Object> args = new ArrayList<>();
        args.add(id);
        args.addAll(scope.args());
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_notice WHERE id = ? AND (" + scope.where() + ")",
                Notices::notice, args.toArray()).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no notice " + id));
    }

    Optional<Notice> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_notice WHERE id = ?", Notices::notice, id).stream()
                .findFirst();
    }

    /**
     * Takes the next notice not yet mailed, so that one node mails it: the update that sets {@code mailed_at}
     * wins. Oldest first; empty when none is left.
     */
    Optional<Notice> takeUnmailed() {
        for (Long id : jdbc.queryForList("SELECT id FROM hub_notice WHERE mailed_at IS NULL ORDER BY id LIMIT 50",
                Long.class)) {
            if (jdbc.update("UPDATE hub_notice SET mailed_at = ? WHERE id = ? AND mailed_at IS NULL",
                    Utc.of(clock.instant()), id) == 1) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    /** Gives a notice back to the mailer after the SMTP server refused it, to be tried again. */
    void mailFailed(long id) {
        jdbc.update("UPDATE hub_notice SET mailed_at = NULL WHERE id = ?", id);
    }

    private record Scope(String where, List<Object> args) {
    }

    /** The caller's groups (their bureau, or the supervision team) and their own name. */
    private static Scope scope(Caller caller) {
        List<String> groups = caller.candidateGroups();
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("username = ?");
        args.add(caller.username());
        if (!groups.isEmpty()) {
            where.append(" OR bureau_code IN (").append(String.join(",", Collections.nCopies(groups.size(),
                    "?"))).append(')');
            args.addAll(groups);
        }
        return new Scope(where.toString(), args);
    }

    private void insert(String bureauCode, String username, Notice.Kind kind, About about, String actor,
                        String note, String dedupKey) {
        jdbc.update("INSERT INTO hub_notice (bureau_code, username, kind, task_id, task_name, process_key,"
                        + " process_instance_id, business_key, due_at, actor, note, created_at, dedup_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                bureauCode, username, kind.name(), about.taskId(), about.taskName(), about.processKey(),
                about.processInstanceId(), about.businessKey(), about.due() == null ? null : Utc.of(about.due()),
                actor, note == null ? null : note.length() > 500 ? note.substring(0, 500) : note,
                Utc.of(clock.instant()), dedupKey);
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("bureau_code"), rs.getString("username"),
                Notice.Kind.valueOf(rs.getString("kind")), rs.getString("task_id"), rs.getString("task_name"),
                rs.getString("process_key"), rs.getString("process_instance_id"), rs.getString("business_key"),
                Utc.instant(rs.getObject("due_at", LocalDateTime.class)), rs.getString("actor"), rs.getString("note"),
                Utc.instant(rs.getObject("created_at", LocalDateTime.class)),
                Utc.instant(rs.getObject("read_at", LocalDateTime.class)));
    }
}
