package cn.gov.sd.pilotzone.zone;

import java.math.BigDecimal;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.zone.*}: the lifecycle's periods and thresholds. Phase boundaries follow the plan's dates unless
 * {@code mobilization-period} / {@code implementation-period} are set (demos, tests): then the phase lasts that long
 * from the moment it starts. Copied into each lifecycle when it starts (with any per-start overrides, see
 * {@link Timeline}), so a changed setting applies to new lifecycles, not to running ones.
 */
@ConfigurationProperties("hub.zone")
record ZoneSettings(@DefaultValue("P3M") String reportPeriod,
                           @DefaultValue("P3M") String rectificationPeriod,
                           String mobilizationPeriod,
                           String implementationPeriod,
                           @DefaultValue("80") BigDecimal acceptancePassScore,
                           @DefaultValue("3") int minExperts,
                           @DefaultValue("false") boolean autoStart,
                           @DefaultValue("20MB") DataSize maxAttachmentSize) {

    /** Plan dates are calendar days in Shandong: a phase ending 2024-12-31 ends at midnight Beijing time. */
    public static final ZoneId PLAN_TIME = ZoneId.of("Asia/Shanghai");

    public ZoneSettings {
        timeline(reportPeriod, rectificationPeriod, mobilizationPeriod, implementationPeriod); // fail at start-up
        if (acceptancePassScore.signum() < 0 || acceptancePassScore.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("hub.zone.acceptance-pass-score must be 0 to 100");
        }
        if (minExperts < 1) {
            throw new IllegalArgumentException("hub.zone.min-experts must be at least 1");
        }
    }

    public Timeline timeline() {
        return timeline(reportPeriod, rectificationPeriod, mobilizationPeriod, implementationPeriod);
    }

    private static Timeline timeline(String report, String rectification, String mobilization, String implementation) {
        return new Timeline(IsoDuration.ofNullable(mobilization), IsoDuration.ofNullable(implementation),
                new IsoDuration(report), new IsoDuration(rectification));
    }
}
