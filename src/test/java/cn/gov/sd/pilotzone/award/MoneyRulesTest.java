package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.common.Problem;

import org.junit.jupiter.api.Test;

/** The award money rules as plain functions (docs/money-rules.md). */
class MoneyRulesTest {

    private static final AwardCatalog CATALOG = new AwardCatalog(new ConfigFiles("config"));
    private static final AwardPolicy GREEN = CATALOG.find("GREEN_MANUFACTURING").orElseThrow();
    private static final AwardPolicy TECH = CATALOG.find("TECH_RENOVATION").orElseThrow();

    private static List<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }

    @Test
    void aDiscretionaryAmountIsBoundedByTheConfiguredCeiling() {
        assertThat(codes(MoneyRules.reviewAmount(GREEN, Map.of(), List.of(), new BigDecimal("9999999999999.99"))))
                .containsExactly("money.tooLarge");
        assertThat(codes(MoneyRules.reviewAmount(GREEN, Map.of(), List.of(), new BigDecimal("1000000.01"))))
                .containsExactly("task.amountAboveMaximum");
        assertThat(MoneyRules.reviewAmount(GREEN, Map.of(), List.of(), new BigDecimal("1000000.00"))).isEmpty();
    }

    @Test
    void aLaterReviewMayLowerButNeverRaiseAnyEarlierFigure() {
        Map<String, Object> inputs = Map.of("equipmentInvestment", new BigDecimal("12000000.00"));
        List<BigDecimal> earlier = List.of(new BigDecimal("1100000"), new BigDecimal("900000"));
        assertThat(codes(MoneyRules.reviewAmount(TECH, inputs, earlier, new BigDecimal("1000000"))))
                .containsExactly("money.aboveEarlierReview");
        assertThat(MoneyRules.reviewAmount(TECH, inputs, earlier, new BigDecimal("900000"))).isEmpty();
        assertThat(MoneyRules.ceiling(TECH, inputs, earlier)).contains(new BigDecimal("900000"));
        assertThat(MoneyRules.ceiling(TECH, inputs, List.of())).contains(new BigDecimal("1200000.00"));
    }

    @Test
    void aReissueNeedsAWellFormedCorrectedAccountAndAComment() {
        List<String> refused = List.of("1607001109200012345");
        assertThat(codes(MoneyRules.reissue(refused, "1607 0011 0920 0012 345", "x"))).containsExactly("reissue.sameAccount");
        assertThat(codes(MoneyRules.reissue(refused, "abc-123", "x"))).containsExactly("account.format");
        assertThat(codes(MoneyRules.reissue(refused, "1234567", "x"))).containsExactly("account.format");
        assertThat(codes(MoneyRules.reissue(refused, null, "x"))).containsExactly("reissue.accountRequired");
        assertThat(codes(MoneyRules.reissue(refused, "6222020000000000001", " "))).containsExactly("task.commentRequired");
        assertThat(MoneyRules.reissue(refused, "6222 0200 0000 0000 001", "企业提供新账号")).isEmpty();
    }
}
