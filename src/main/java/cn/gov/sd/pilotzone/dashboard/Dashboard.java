package cn.gov.sd.pilotzone.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.gov.sd.pilotzone.award.PaymentAlerts;
import cn.gov.sd.pilotzone.exchange.ExchangeStatus;

/**
 * What supervisors watch (docs/api.md), as {@code GET /api/dashboard} answers it and the dashboard page shows it.
 * Money in yuan with its 万元 value alongside; names in Chinese with the English name next to them.
 */
public record Dashboard(Instant at, long openTasks, long overdueTasks, List<BureauTasks> tasksByBureau,
                        List<PolicyAwards> awardsByPolicy, List<StatusCount> applicationsByStatus,
                        List<ExchangeStatus.Feed> feeds, List<ExchangeStatus.Node> nodes,
                        List<PaymentAlerts.Alert> paymentAlerts) {

    /** Open and overdue tasks of one candidate group (bureau code, or {@code supervisor}). */
    public record BureauTasks(String bureau, String name, String nameEn, long open, long overdue) {
    }

    /**
     * Applications of one policy that are alive or paid (not rejected or withdrawn) with the amount they carry
     * (approved, else proposed), and those paid with the amount paid.
     */
    public record PolicyAwards(String policyCode, String name, String nameEn, long applications, BigDecimal amount,
                               BigDecimal amountWan, long paid, BigDecimal paidAmount, BigDecimal paidAmountWan) {
    }

    public record StatusCount(String status, long count) {
    }
}
