package cn.gov.sd.pilotzone.zone;

import java.time.Instant;

/** The state of one plan task in one lifecycle (table {@code zone_task}). */
public record TaskState(String lifecycleId, String taskCode, int seq, Status status, Integer progress,
                        Instant lastReportAt, Instant lastCheckedAt, Instant dueAt, Instant doneAt) {

    /**
     * {@code NOT_STARTED}: the zone has no lifecycle; {@code PLANNED}: mobilization, not yet assigned;
     * {@code IN_PROGRESS}: with its lead bureaus; {@code AWAITING_CONFIRMATION}: reported complete with evidence,
     * waiting for the coordinator; {@code DONE}: confirmed.
     */
    public enum Status { NOT_STARTED, PLANNED, IN_PROGRESS, AWAITING_CONFIRMATION, DONE }

    public boolean open() {
        return status == Status.IN_PROGRESS || status == Status.AWAITING_CONFIRMATION;
    }

    public boolean overdueAt(Instant now) {
        return open() && dueAt != null && now.isAfter(dueAt);
    }
}
