package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;

/**
 * An enterprise on the fluctuation list (波动企业清单) of a period: this month's and the same month a year earlier's
 * revenue and electricity, the enterprise's registry data when known, and its follow-up when there is one.
 */
public record Fluctuation(String uscc, String period, String enterpriseName, String countyCode, String muClass,
                          BigDecimal revenue, BigDecimal revenueLastYear, BigDecimal electricityKwh,
                          BigDecimal electricityKwhLastYear, FollowUpStatus followUpStatus,
                          String followUpProcessInstanceId) {

    public BigDecimal revenueChange() {
        return FluctuationRule.change(revenue, revenueLastYear);
    }

    public BigDecimal electricityChange() {
        return FluctuationRule.change(electricityKwh, electricityKwhLastYear);
    }
}
