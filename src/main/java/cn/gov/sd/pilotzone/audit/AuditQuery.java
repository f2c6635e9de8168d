package cn.gov.sd.pilotzone.audit;

import java.time.Instant;

/**
 * A search of the audit trail; every criterion optional. {@code target} matches a part of the target,
 * {@code from} is inclusive and {@code to} exclusive.
 */
public record AuditQuery(String actor, AuditType type, String target, Instant from, Instant to, int limit) {

    public static final int MAX_ROWS = 10_000;

    public AuditQuery {
        limit = limit <= 0 ? 500 : Math.min(limit, MAX_ROWS);
    }
}
