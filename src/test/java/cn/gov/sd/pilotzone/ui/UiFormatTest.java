package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

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

    @Test
    void namesTasksAndAmountsInEnglishWhenTheEnglishLocaleIsChosen() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("messages-ui", "messages-bpmn");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        UiFormat withBundles = new UiFormat(ZoneId.of("Asia/Shanghai"), Clock.fixed(NOW, ZoneOffset.UTC), bundles);
        try {
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(withBundles.task("awardApplication", "countyReview", "区县初审")).isEqualTo("County review");
            assertThat(withBundles.task("pilotZoneLifecycle", "implementTask", "落实任务 3.3.1 建设数字化车间"))
                    .isEqualTo("Carry out task 3.3.1 建设数字化车间");
            assertThat(withBundles.amount(new BigDecimal("800000"))).isEqualTo("800,000.00 yuan");
            assertThat(withBundles.yuanText(new BigDecimal("800000"))).isEqualTo("800,000.00 yuan");

            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(withBundles.task("awardApplication", "countyReview", "区县初审")).isEqualTo("区县初审");
            assertThat(withBundles.amount(new BigDecimal("800000"))).isEqualTo("800,000.00 元 (80.00 万元)");
            assertThat(withBundles.yuanText(new BigDecimal("800000"))).isEqualTo("800,000.00 元");
            assertThat(withBundles.wanText(new BigDecimal("800000"))).isEqualTo("80.00 万元");
            assertThat(withBundles.yuanText(null)).isEmpty();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
