package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The year-on-year change shown with a fluctuation (the list, the follow-up page). Whether an enterprise has fallen
 * is decided by the query of {@link Fluctuations} alone, with the threshold of {@code hub.monitoring}.
 */
final class FluctuationRule {

    private FluctuationRule() {
    }

    /** Year-on-year change as a share (-0.2500 = 25% down), 4 decimals; null when there is nothing to compare. */
    public static BigDecimal change(BigDecimal current, BigDecimal lastYear) {
        if (current == null || lastYear == null || lastYear.signum() == 0) {
            return null;
        }
        return current.subtract(lastYear).divide(lastYear.abs(), 4, RoundingMode.HALF_UP);
    }
}
