package cn.gov.sd.pilotzone.zone;

import java.time.Instant;

/** A matter raised to the supervision team (督办), open until a supervisor handles it or the task is done. */
record Escalation(String id, String lifecycleId, String zoneId, String taskCode, Kind kind, Instant raisedAt,
                         Instant resolvedAt, String resolvedBy, String note) {

    public enum Kind { MISSING_REPORT, OVERDUE, RECTIFICATION_OVERDUE }

    public boolean open() {
        return resolvedAt == null;
    }
}
