package cn.gov.sd.pilotzone.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.gov.sd.pilotzone.common.Utc;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail (docs/security.md): append-only rows of table {@code audit_event}. There is deliberately no
 * method that changes or removes a row. A row written inside a transaction (a task decision) commits or rolls back
 * with it, so the trail never shows a decision that did not happen.
 * <p>
 * Who and from where come from the current request when there is one: the authenticated account and the client's
 * address as the servlet container sees it (put a proxy's address handling in {@code server.forward-headers-strategy}).
 * Work no request started (timers, file feeds) is recorded as {@value #HUB}.
 */
@Component
public class AuditTrail {

    /** The actor of work no person started. */
    public static final String HUB = "hub";

    private static final int TARGET_MAX = 500;
    private static final int DETAILS_MAX = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an event of the current caller (or {@value #HUB} outside a request). */
    public void record(AuditType type, String target, String details) {
        record(currentActor(), type, target, details);
    }

    /** Records an event of a named actor: a login attempt names the account tried, not the (anonymous) caller. */
    public void record(String actor, AuditType type, String target, String details) {
        jdbc.update("INSERT INTO audit_event (occurred_at, actor, client_ip, event_type, target, details)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                Utc.of(clock.instant()), cut(actor == null || actor.isBlank() ? HUB : actor, 100), clientIp(),
                type.name(), cut(target, TARGET_MAX), cut(details, DETAILS_MAX));
    }

    /** The newest first. */
    public List<AuditEntry> search(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, client_ip, event_type, target, details"
                + " FROM audit_event WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.actor() != null && !q.actor().isBlank()) {
            sql.append(" AND actor = ?");
            args.add(q.actor().strip());
        }
        if (q.type() != null) {
            sql.append(" AND event_type = ?");
            args.add(q.type().name());
        }
        if (q.target() != null && !q.target().isBlank()) {
            sql.append(" AND target LIKE ? ESCAPE '!'");
            args.add("%" + q.target().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (q.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(Utc.of(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(Utc.of(q.to()));
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(q.limit());
        return jdbc.query(sql.toString(), AuditTrail::entry, args.toArray());
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return HUB;
        }
        return auth.getName();
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), Utc.instant(rs.getObject("occurred_at", LocalDateTime.class)),
                rs.getString("actor"), rs.getString("client_ip"), AuditType.valueOf(rs.getString("event_type")),
                rs.getString("target"), rs.getString("details"));
    }
}
