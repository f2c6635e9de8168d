package cn.gov.sd.pilotzone.award;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.award.*}: the legal periods of the award process, read by its expressions through {@link AwardPeriods}
 * when a step starts.
 */
@ConfigurationProperties("hub.award")
record AwardSettings(@DefaultValue("P30D") Duration correctionPeriod,
                            @DefaultValue("P7D") Duration publicNoticePeriod,
                            @DefaultValue("P10D") Duration reviewPeriod) {
}
