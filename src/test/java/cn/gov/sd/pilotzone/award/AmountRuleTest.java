package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import cn.gov.sd.pilotzone.award.AmountRule.Type;

import org.junit.jupiter.api.Test;

/** The four kinds of amount rule on their own (the shipped catalog is checked in {@link AwardCatalogTest}). */
class AmountRuleTest {

    private static final AmountRule TEN_PERCENT_UP_TO_5M = new AmountRule(Type.PERCENTAGE, null, new BigDecimal("0.10"),
            "equipmentInvestment", new BigDecimal("5000000"));

    @Test
    void fixedProposesItsAmountInYuanWithTwoDecimals() {
        AmountRule rule = new AmountRule(Type.FIXED, new BigDecimal("500000"), null, null, null);

        assertThat(rule.propose(Map.of())).hasValueSatisfying(v -> assertThat(v).hasToString("500000.00"));
        assertThat(rule.maximum(Map.of())).isEqualTo(rule.propose(Map.of()));
    }

    @Test
    void upToProposesTheCapWhichIsAlsoTheMaximum() {
        AmountRule rule = new AmountRule(Type.UP_TO, null, null, null, new BigDecimal("800000.0"));

        assertThat(rule.propose(Map.of())).hasValueSatisfying(v -> assertThat(v).hasToString("800000.00"));
        assertThat(rule.maximum(Map.of())).isEqualTo(rule.propose(Map.of()));
    }

    @Test
    void percentageRoundsHalfUpToTheFen() {
        assertThat(propose("0.05")).isEqualTo("0.01");      // 0.005
        assertThat(propose("0.04")).isEqualTo("0.00");      // 0.004
        assertThat(propose("123456.78")).isEqualTo("12345.68");
    }

    @Test
    void percentageIsCappedIncludingExactlyAtTheCap() {
        assertThat(propose("49999999.90")).isEqualTo("4999999.99");
        assertThat(propose("50000000")).isEqualTo("5000000.00");
        assertThat(propose("50000000.10")).isEqualTo("5000000.00");
    }

    @Test
    void percentageUsesOnlyItsBaseInput() {
        Map<String, Object> inputs = Map.of("equipmentInvestment", new BigDecimal("1000.00"),
                "insurancePremium", new BigDecimal("99999999.00"), "topNodeConnected", true);

        assertThat(TEN_PERCENT_UP_TO_5M.propose(inputs)).contains(new BigDecimal("100.00"));
    }

    @Test
    void percentageWithoutItsBaseInputNamesTheInput() {
        assertThatThrownBy(() -> TEN_PERCENT_UP_TO_5M.propose(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equipmentInvestment");
        assertThatThrownBy(() -> TEN_PERCENT_UP_TO_5M.propose(Map.of("equipmentInvestment", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equipmentInvestment");
    }

    @Test
    void discretionaryProposesNothingAndSetsNoMaximum() {
        AmountRule rule = new AmountRule(Type.DISCRETIONARY, null, null, null, null);

        assertThat(rule.propose(Map.of())).isEmpty();
        assertThat(rule.maximum(Map.of())).isEmpty();
    }

    private static String propose(String equipment) {
        return TEN_PERCENT_UP_TO_5M.propose(Map.of("equipmentInvestment", new BigDecimal(equipment)))
                .orElseThrow().toPlainString();
    }
}
