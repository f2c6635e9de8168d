package cn.gov.sd.pilotzone.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class FluctuationRuleTest {

    private static final BigDecimal THRESHOLD = new BigDecimal("0.20");

    @Test
    void aFallOfAtLeastTheThresholdCounts() {
        assertThat(FluctuationRule.fell(bd("80.00"), bd("100.00"), THRESHOLD)).isTrue();  // exactly 20%
        assertThat(FluctuationRule.fell(bd("79.99"), bd("100.00"), THRESHOLD)).isTrue();
        assertThat(FluctuationRule.fell(bd("80.01"), bd("100.00"), THRESHOLD)).isFalse();
        assertThat(FluctuationRule.fell(bd("0"), bd("100.00"), THRESHOLD)).isTrue();       // stopped production
    }

    @Test
    void nothingToCompareIsNoFluctuation() {
        assertThat(FluctuationRule.fell(null, bd("100"), THRESHOLD)).isFalse();
        assertThat(FluctuationRule.fell(bd("10"), null, THRESHOLD)).isFalse();
        assertThat(FluctuationRule.fell(bd("0"), bd("0"), THRESHOLD)).isFalse();
        assertThat(FluctuationRule.fell(bd("-5"), bd("-1"), THRESHOLD)).isFalse();       // no positive base
    }

    @Test
    void changeIsAShareOfLastYear() {
        assertThat(FluctuationRule.change(bd("75"), bd("100"))).isEqualByComparingTo("-0.25");
        assertThat(FluctuationRule.change(bd("150"), bd("100"))).isEqualByComparingTo("0.5");
        assertThat(FluctuationRule.change(bd("1"), bd("3"))).isEqualTo(bd("-0.6667"));
        assertThat(FluctuationRule.change(bd("1"), bd("0"))).isNull();
        assertThat(FluctuationRule.change(null, bd("1"))).isNull();
    }

    @Test
    void theSqlFactorIsOneMinusTheThreshold() {
        assertThat(FluctuationRule.factor(THRESHOLD)).isEqualByComparingTo("0.80");
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
