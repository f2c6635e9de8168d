package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The fluctuation rule of docs/exchange.md: an indicator has fallen when this month's value is at most
 * {@code (1 - threshold)} × the same month a year earlier (a fall of exactly the threshold counts). A month
 * without a positive value a year earlier, or without a value now, says nothing. The SQL of {@link Fluctuations}
 * applies the same inequality set-based; this class computes the ratios shown and is the rule's unit-tested form.
 */
final class FluctuationRule {

    private FluctuationRule() {
    }

    /** The factor the SQL compares with: {@code current <= lastYear * factor}. */
    public static BigDecimal factor(BigDecimal threshold) {
        return BigDecimal.ONE.subtract(threshold);
    }

    public static boolean fell(BigDecimal current, BigDecimal lastYear, BigDecimal threshold) {
        return current != null && lastYear != null && lastYear.signum() > 0
                && current.compareTo(lastYear.multiply(factor(threshold))) <= 0;
    }

    /** Year-on-year change as a share (-0.2500 = 25% down), 4 decimals; null when there is nothing to compare. */
    public static BigDecimal change(BigDecimal current, BigDecimal lastYear) {
        if (current == null || lastYear == null || lastYear.signum() == 0) {
            return null;
        }
        return current.subtract(lastYear).divide(lastYear.abs(), 4, RoundingMode.HALF_UP);
    }
}
