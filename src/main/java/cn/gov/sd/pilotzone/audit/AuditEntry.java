package cn.gov.sd.pilotzone.audit;

import java.time.Instant;

/** One row of the audit trail: who, when (UTC), from where, what, on what, and the details. */
public record AuditEntry(long id, Instant at, String actor, String clientIp, AuditType type, String target,
                         String details) {
}
