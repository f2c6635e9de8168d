package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class UiFormatTest {

    static final Instant NOW = Instant.parse("2025-03-01T16:30:00Z");
    final UiFormat fmt = new UiFormat(ZoneId.of("Asia/Shanghai"), Clock.fixed(NOW, ZoneOffset.UTC), null);

    @Test
    void showsYuanWithTwoDecimalsAndWanWithoutLosingAYuan() {
        assertThat(fmt.yuan(new BigDecimal("800000"))).isEqualTo("800,000.00");
        assertThat(fmt.yuan(new BigDecimal("1234567.8"))).isEqualTo("1,234,567.80");
        assertThat(fmt.wan(new BigDecimal("800000.00"))).isEqualTo("80.00");
        assertThat(fmt.wan(new BigDecimal("1234567.80"))).isEqualTo("123.4568");
        assertThat(fmt.wan(new BigDecimal("12345"))).isEqualTo("1.2345");
        assertThat(fmt.wan(null)).isEmpty();
    }

    @Test
    void showsTimesInShanghaiAndCountsOverdueDays() {
        assertThat(fmt.time(NOW)).isEqualTo("2025-03-02 00:30");
        assertThat(fmt.day(NOW)).isEqualTo("2025-03-02");
        assertThat(fmt.today()).hasToString("2025-03-02");
        assertThat(fmt.overdue(NOW.minusSeconds(1))).isTrue();
        assertThat(fmt.overdue(NOW.plusSeconds(1))).isFalse();
        assertThat(fmt.overdueDays(NOW.minusSeconds(3 * 86400 + 5))).isEqualTo(3);
        assertThat(fmt.overdueDays(null)).isZero();
    }

    @Test
    void summarisesAnErrorReportByItsFirstProblem() {
        assertThat(fmt.reasonSummary("文件被拒绝 / File rejected\nfeed: x\n- 第2行 uscc：错 / line 2\n- more\n"))
                .isEqualTo("第2行 uscc：错 / line 2");
        assertThat(fmt.reasonSummary("only a headline")).isEqualTo("only a headline");
    }
}
