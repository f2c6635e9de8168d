package cn.gov.sd.pilotzone.zone;

import java.time.Instant;
import java.time.LocalDate;

import cn.gov.sd.pilotzone.zone.ZonePlan.PhaseCode;

/**
 * The periods of one lifecycle: the settings, possibly overridden when it is started (a demo or a test runs a
 * five-year plan in seconds). A null phase period means "the plan's dates".
 */
public record Timeline(IsoDuration mobilizationPeriod, IsoDuration implementationPeriod, IsoDuration reportPeriod,
                       IsoDuration rectificationPeriod) {

    /** Overrides given when starting a lifecycle; null fields keep the settings. */
    public record Overrides(String mobilizationPeriod, String implementationPeriod, String reportPeriod,
                            String rectificationPeriod) {
        public static final Overrides NONE = new Overrides(null, null, null, null);
    }

    public Timeline with(Overrides o) {
        if (o == null) {
            return this;
        }
        return new Timeline(pick(o.mobilizationPeriod(), mobilizationPeriod),
                pick(o.implementationPeriod(), implementationPeriod),
                pick(o.reportPeriod(), reportPeriod), pick(o.rectificationPeriod(), rectificationPeriod));
    }

    private static IsoDuration pick(String override, IsoDuration current) {
        return override == null || override.isBlank() ? current : new IsoDuration(override);
    }

    /** When implementation may begin: the plan's date, or the lifecycle's start plus the mobilization period. */
    public Instant implementationStart(ZonePlan plan, Instant lifecycleStart) {
        return mobilizationPeriod != null ? mobilizationPeriod.after(lifecycleStart)
                : startOf(plan, PhaseCode.IMPLEMENTATION);
    }

    /** When the plan's tasks are due: the plan's end of implementation, or its actual start plus the period. */
    public Instant implementationDue(ZonePlan plan, Instant implementationStarted) {
        return implementationPeriod != null ? implementationPeriod.after(implementationStarted)
                : endOf(plan, PhaseCode.IMPLEMENTATION);
    }

    /** When acceptance may begin (once every task is done): the plan's date, or the tasks' due time. */
    public Instant acceptanceStart(ZonePlan plan, Instant implementationDue) {
        return implementationPeriod != null ? implementationDue : startOf(plan, PhaseCode.ACCEPTANCE);
    }

    /** The end of acceptance as the plan dates it; none when the phases run on configured periods. */
    public Instant acceptanceDue(ZonePlan plan) {
        return implementationPeriod != null ? null : endOf(plan, PhaseCode.ACCEPTANCE);
    }

    static Instant startOf(ZonePlan plan, PhaseCode code) {
        return day(plan.phase(code).orElseThrow().start());
    }

    /** A phase ending on 2024-12-31 ends at the start of 2025-01-01, Beijing time. */
    static Instant endOf(ZonePlan plan, PhaseCode code) {
        return day(plan.phase(code).orElseThrow().end().plusDays(1));
    }

    private static Instant day(LocalDate date) {
        return date.atStartOfDay(ZoneSettings.PLAN_TIME).toInstant();
    }
}
