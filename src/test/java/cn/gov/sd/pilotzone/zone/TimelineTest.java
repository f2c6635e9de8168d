package cn.gov.sd.pilotzone.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Phase boundaries: the plan's dates (Beijing time), or configured periods counted from each phase's start. */
class TimelineTest {

    static final ZonePlan WEIFANG = new ZonePlans(ZonePlansTest.CONFIG, ZonePlansTest.BUREAUS).get("weifang");
    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    @Test
    void byDefaultThePlansDatesAreThePhaseBoundaries() {
        Timeline plan = settings(null, null).timeline();

        assertThat(plan.implementationStart(WEIFANG, NOW)).isEqualTo("2021-06-30T16:00:00Z"); // 2021-07-01 00:00 +08
        Instant due = plan.implementationDue(WEIFANG, NOW);
        assertThat(due).isEqualTo("2024-12-31T16:00:00Z"); // the end of 2024-12-31, Beijing time
        assertThat(plan.acceptanceStart(WEIFANG, due)).isEqualTo("2024-12-31T16:00:00Z");
        assertThat(plan.acceptanceDue(WEIFANG)).isEqualTo("2025-12-31T16:00:00Z");
        assertThat(plan.reportPeriod().cycle()).isEqualTo("R/P3M");
    }

    @Test
    void configuredPeriodsCountFromWhenEachPhaseStarts() {
        Timeline demo = settings("PT1M", "PT10M").timeline();

        assertThat(demo.implementationStart(WEIFANG, NOW)).isEqualTo(NOW.plusSeconds(60));
        Instant started = NOW.plusSeconds(90);
        Instant due = demo.implementationDue(WEIFANG, started);
        assertThat(due).isEqualTo(started.plusSeconds(600));
        assertThat(demo.acceptanceStart(WEIFANG, due)).isEqualTo(due);
        assertThat(demo.acceptanceDue(WEIFANG)).isNull();
    }

    @Test
    void overridesReplaceOnlyWhatTheyName() {
        Timeline t = settings(null, null).timeline().with(new Timeline.Overrides(null, "PT8S", "PT3S", null));

        assertThat(t.mobilizationPeriod()).isNull();
        assertThat(t.implementationPeriod().text()).isEqualTo("PT8S");
        assertThat(t.reportPeriod().text()).isEqualTo("PT3S");
        assertThat(t.rectificationPeriod().text()).isEqualTo("P3M");
    }

    @Test
    void calendarPeriodsAddCalendarMonths() {
        assertThat(new IsoDuration("P3M").after(Instant.parse("2024-11-30T00:00:00Z"))).isEqualTo("2025-02-28T00:00:00Z");
        assertThat(new IsoDuration("PT2.5S").before(Instant.parse("2024-01-01T00:00:00Z")))
                .isEqualTo("2023-12-31T23:59:57.500Z");
    }

    @Test
    void badSettingsStopTheStart() {
        assertThatThrownBy(() -> new IsoDuration("3 months")).hasMessageContaining("ISO 8601");
        assertThatThrownBy(() -> new IsoDuration("-P1D")).hasMessageContaining("negative");
        assertThatThrownBy(() -> settings("soon", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ZoneSettings("P3M", "P3M", null, null, new BigDecimal("101"), 3, false,
                DataSize.ofMegabytes(20))).hasMessageContaining("acceptance-pass-score");
    }

    static ZoneSettings settings(String mobilization, String implementation) {
        return new ZoneSettings("P3M", "P3M", mobilization, implementation, new BigDecimal("80"), 3, false,
                DataSize.ofMegabytes(20));
    }
}
