package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;

/**
 * One row of {@code GET /api/monitoring/fluctuations}: changes are shares of the same month a year earlier
 * (-0.2500 = 25% down); {@code enterpriseClass} is the 亩产效益 class, {@code priority} flags the classes given
 * priority (seed 000 三.(五)1: A).
 */
public record FluctuationView(String uscc, String enterpriseName, String countyCode, String countyName,
                              String enterpriseClass, boolean priority, String period, BigDecimal revenue,
                              BigDecimal revenueLastYear, BigDecimal revenueChange, BigDecimal electricityKwh,
                              BigDecimal electricityKwhLastYear, BigDecimal electricityChange,
                              FollowUpStatus followUpStatus, String followUpProcessInstanceId) {
}
