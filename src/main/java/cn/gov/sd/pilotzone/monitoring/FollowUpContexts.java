package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;

import org.springframework.stereotype.Component;

/**
 * What an {@code enterpriseFollowUp} task is about: the enterprise, its revenue and electricity over the last
 * 24 months up to the month that put it on the fluctuation list (with that month's year-on-year change), what the
 * county recorded for this follow-up (the supervisor reviews it) and the enterprise's earlier follow-ups.
 */
@Component
class FollowUpContexts {

    /** The months shown: two years, so the flagged month and the same month a year earlier are both on the chart. */
    static final int MONTHS = 24;

    record Context(String uscc, Enterprise enterprise, String period, List<OperationDataStore.Month> months,
                   BigDecimal revenueChange, BigDecimal electricityChange, FollowUps.FollowUp current,
                   List<FollowUps.FollowUp> earlier) {
    }

    private final FollowUps followUps;
    private final OperationDataStore operationData;
    private final EnterpriseRegistry enterprises;

    FollowUpContexts(FollowUps followUps, OperationDataStore operationData, EnterpriseRegistry enterprises) {
        this.followUps = followUps;
        this.operationData = operationData;
        this.enterprises = enterprises;
    }

    Optional<Context> of(String businessKey) {
        return followUps.ofBusinessKey(businessKey).map(current -> {
            YearMonth period = YearMonth.parse(current.period());
            List<OperationDataStore.Month> months = operationData.months(current.uscc(),
                    period.minusMonths(MONTHS - 1L), period);
            OperationDataStore.Month flagged = month(months, period);
            OperationDataStore.Month yearBefore = month(months, period.minusYears(1));
            return new Context(current.uscc(), enterprises.find(current.uscc()).orElse(null), current.period(),
                    months, flagged == null || yearBefore == null ? null
                            : FluctuationRule.change(flagged.revenue(), yearBefore.revenue()),
                    flagged == null || yearBefore == null ? null
                            : FluctuationRule.change(flagged.electricityKwh(), yearBefore.electricityKwh()),
                    current, followUps.ofEnterprise(current.uscc()).stream()
                            .filter(f -> f.period().compareTo(current.period()) < 0).toList());
        });
    }

    private static OperationDataStore.Month month(List<OperationDataStore.Month> months, YearMonth period) {
        return months.stream().filter(m -> m.period().equals(period.toString())).findFirst().orElse(null);
    }
}
