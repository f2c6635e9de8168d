package cn.gov.sd.pilotzone.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import cn.gov.sd.pilotzone.province.Indicators.Point;
import cn.gov.sd.pilotzone.province.Indicators.Status;
import cn.gov.sd.pilotzone.province.Target.Baseline;
import cn.gov.sd.pilotzone.province.Target.Comparator;

import org.junit.jupiter.api.Test;

/** The status rule of docs/indicators.md. */
class IndicatorStatusTest {

    final Indicators indicators = new Indicators(null, null, null, new BigDecimal("0.05"));

    static Target target(Comparator c, String value, Baseline baseline, boolean perYear) {
        return new Target("x", "x", c, value == null ? null : new BigDecimal(value), c == Comparator.TEXT ? "words" : null,
                "家", 2025, perYear, baseline, null, "000 一", "q");
    }

    static List<Point> points(String... periodValue) {
        return Arrays.stream(periodValue).map(s -> s.split("="))
                .map(a -> new Point(a[0], new BigDecimal(a[1]))).toList();
    }

    @Test
    void noValueOrAWordsOnlyTargetHasNoData() {
        assertThat(indicators.status(target(Comparator.AT_LEAST, "100", null, false), List.of())).isEqualTo(Status.NO_DATA);
        assertThat(indicators.status(target(Comparator.TEXT, null, null, false), points("2024=1"))).isEqualTo(Status.NO_DATA);
    }

    @Test
    void metByComparator() {
        assertThat(indicators.status(target(Comparator.AT_LEAST, "100", null, false), points("2023=100"))).isEqualTo(Status.MET);
        assertThat(indicators.status(target(Comparator.AT_MOST, "3", null, false), points("2024=2"))).isEqualTo(Status.MET);
        // about: within 5 % below counts as reached
        assertThat(indicators.status(target(Comparator.ABOUT, "4000", null, false), points("2024=3800"))).isEqualTo(Status.MET);
        assertThat(indicators.status(target(Comparator.ABOUT, "4000", null, false), points("2025=3799"))).isEqualTo(Status.BEHIND);
    }

    @Test
    void onTrackOnOrAboveTheLineFromTheBaselineBehindBelowIt() {
        Target t = target(Comparator.AT_LEAST, "50", new Baseline(2020, BigDecimal.ZERO), false);
        // line: 0 at the end of 2020, 50 at the end of 2025 → 30 at the end of 2023
        assertThat(indicators.status(t, points("2023=30"))).isEqualTo(Status.ON_TRACK);
        assertThat(indicators.status(t, points("2023=29"))).isEqualTo(Status.BEHIND);
        // mid-2024: 3.5 years of 5 → 35
        assertThat(indicators.status(t, points("2024-06=35"))).isEqualTo(Status.ON_TRACK);
        assertThat(indicators.status(t, points("2024-06=34"))).isEqualTo(Status.BEHIND);
    }

    @Test
    void withoutABaselineTheFirstValueStartsTheLine() {
        Target t = target(Comparator.AT_LEAST, "200", null, false);
        // 100 at the end of 2021 → 200 at the end of 2025: 150 expected at the end of 2023
        assertThat(indicators.status(t, points("2021=100", "2023=150"))).isEqualTo(Status.ON_TRACK);
        assertThat(indicators.status(t, points("2021=100", "2023=149"))).isEqualTo(Status.BEHIND);
        assertThat(indicators.status(t, points("2023=10"))).isEqualTo(Status.ON_TRACK);
        assertThat(indicators.status(t, points("2025=199"))).isEqualTo(Status.BEHIND);
    }

    @Test
    void aYearlyRateIsHeldToItsValueEachYearAndProRataWithinAYear() {
        Target t = target(Comparator.AT_LEAST, "300", null, true);
        assertThat(indicators.status(t, points("2023=300"))).isEqualTo(Status.MET);
        assertThat(indicators.status(t, points("2023=299"))).isEqualTo(Status.BEHIND);
        assertThat(indicators.status(t, points("2024-06=150"))).isEqualTo(Status.ON_TRACK);
        assertThat(indicators.status(t, points("2024-06=149"))).isEqualTo(Status.BEHIND);
    }
}
