package cn.gov.sd.pilotzone.notice;

import java.time.Instant;

/**
 * One notice of work for a bureau ({@code bureauCode}, a candidate group) or a person ({@code username}).
 * {@code actor} is who caused it (who reminded, who handed the task over); {@code note} what they wrote.
 */
public record Notice(long id, String bureauCode, String username, Kind kind, String taskId, String taskName,
                     String processKey, String processInstanceId, String businessKey, Instant due, String actor,
                     String note, Instant created, Instant read) {

    /** What the notice is about; the page and the mail say it in words (bundle key {@code notice.kind.*}). */
    public enum Kind { NEW, RETURNED, DUE_SOON, OVERDUE, REMINDED, HANDED_OVER, DUE_CHANGED }

    public boolean unread() {
        return read == null;
    }
}
