package cn.gov.sd.pilotzone.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The change shown with a fluctuation; whether an enterprise fell is the query's (FluctuationsIT). */
class FluctuationRuleTest {

    @Test
    void changeIsAShareOfLastYear() {
        assertThat(FluctuationRule.change(bd("75"), bd("100"))).isEqualByComparingTo("-0.25");
        assertThat(FluctuationRule.change(bd("150"), bd("100"))).isEqualByComparingTo("0.5");
        assertThat(FluctuationRule.change(bd("1"), bd("3"))).isEqualTo(bd("-0.6667"));
        assertThat(FluctuationRule.change(bd("1"), bd("0"))).isNull();
        assertThat(FluctuationRule.change(null, bd("1"))).isNull();
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
