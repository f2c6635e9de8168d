package cn.gov.sd.pilotzone.zone;

import java.time.Instant;

/** A progress report (进展报送) on a plan task: by the API, the {@code progress-reports} feed or task completion. */
public record ProgressReport(String id, String lifecycleId, String zoneId, String taskCode, String bureau,
                             String period, int progress, String summary, String issues, Source source,
                             String reportedBy, Instant receivedAt) {

    public enum Source { API, FEED, COMPLETION }
}
