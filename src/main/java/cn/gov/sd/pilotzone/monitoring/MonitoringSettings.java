package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.monitoring.*}: monthly operation monitoring (seed 001 item 14 “每月对企业运行情况进行一次分析，列出波动企业
 * 清单……建立‘一对一’包靠联系制度”).
 *
 * @param fluctuationThreshold the share by which revenue or electricity must fall against the same month a year
 *                             earlier to put an enterprise on the fluctuation list (0.20 = 20%, a fall of exactly
 *                             20% counts)
 * @param followUpPeriod       how long the county clerk has for the one-to-one contact before it escalates
 * @param unassignedGroup      candidate group for follow-ups of enterprises with no known county
 * @param seeAll               bureaus whose clerks see every county's list (county clerks see their own)
 * @param followUpSweep        how often follow-ups still pending are started (they are also started right after
 *                             the file that found them)
 */
@ConfigurationProperties("hub.monitoring")
record MonitoringSettings(@DefaultValue("0.20") BigDecimal fluctuationThreshold,
                                 @DefaultValue("P15D") Duration followUpPeriod,
                                 @DefaultValue("gxj") String unassignedGroup,
                                 @DefaultValue({"gxj", "tjj"}) List<String> seeAll,
                                 @DefaultValue("PT1M") Duration followUpSweep) {

    public MonitoringSettings {
        if (fluctuationThreshold.signum() <= 0 || fluctuationThreshold.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("hub.monitoring.fluctuation-threshold must be between 0 and 1 (a share), "
                    + "not " + fluctuationThreshold);
        }
        seeAll = List.copyOf(seeAll);
    }

    /**
     * The rule's one form, applied by the fluctuation query ({@link Fluctuations}): fallen when {@code current <=
     * lastYear * (1 - threshold)}, against a positive year-earlier value (FluctuationsIT drives it at the boundary).
     */
    BigDecimal fallFactor() {
        return BigDecimal.ONE.subtract(fluctuationThreshold);
    }
}
