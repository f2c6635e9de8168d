package cn.gov.sd.pilotzone.zone;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One run of a zone's {@code pilotZoneLifecycle} process, as table {@code zone_lifecycle} keeps it. */
public record Lifecycle(String lifecycleId, String zoneId, String processInstanceId, String coordinator, Phase phase,
                        Status status, String reportPeriod, Instant implementationStart, Instant implementationDue,
                        Instant acceptanceStart, List<String> firstCounties, int acceptanceRound,
                        BigDecimal acceptanceScore, String startedBy, Instant startedAt, Instant endedAt) {

    /** The zone's phase (docs/api.md {@code phase}); {@code NOT_STARTED} only for a zone without a lifecycle. */
    public enum Phase { NOT_STARTED, MOBILIZATION, IMPLEMENTATION, ACCEPTANCE, COMPLETED }

    public enum Status { RUNNING, ACCEPTED, CANCELLED }

    public Lifecycle {
        firstCounties = firstCounties == null ? List.of() : List.copyOf(firstCounties);
    }
}
