package cn.gov.sd.pilotzone.monitoring;

/**
 * Where an enterprise's follow-up stands. {@code PENDING}: registered with the data, process not started yet;
 * {@code OPEN}: the county clerk is to contact the enterprise; {@code ESCALATED}: that contact is overdue and the
 * supervisors were told; {@code IN_REVIEW}: problems and measures recorded, a supervisor is to close it;
 * {@code CLOSED}: done.
 */
public enum FollowUpStatus {
    PENDING, OPEN, ESCALATED, IN_REVIEW, CLOSED
}
