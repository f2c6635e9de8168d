package cn.gov.sd.pilotzone.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.gov.sd.pilotzone.award.PaymentAlerts;
import cn.gov.sd.pilotzone.exchange.FeedLog;
import cn.gov.sd.pilotzone.exchange.FeedTransports;

/**
 * What supervisors watch (docs/api.md), as {@code GET /api/dashboard} answers it and the dashboard page shows it.
 * Money in yuan with its 万元 value alongside; names in Chinese with the English name next to them.
 */
public record Dashboard(Instant at, long openTasks, long overdueTasks, List<BureauTasks> tasksByBureau,
                        List<PolicyAwards> awardsByPolicy, List<StatusCount> applicationsByStatus,
                        List<FeedHealth> feeds, List<Node> nodes, List<PaymentAlerts.Alert> paymentAlerts) {

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

    /**
     * A hub process on this database (README.md) with its last heartbeat; {@code alive} false once it has been silent
     * for {@code hub.cluster.node-timeout}: its inbound files are then taken over by the others.
     */
    public record Node(String nodeId, String host, Instant startedAt, Instant heartbeatAt, boolean alive) {
    }

    public record StatusCount(String status, long count) {
    }

    /**
     * One feed: files processed and failed (inbound) or written (outbound) as the feed log recorded them, files
     * waiting in the inbox or rows waiting in the outbox, the last file, the error folder, and why the inbound
     * consumer is DOWN (null when it runs, and for outbound feeds); {@code transports}: where its files go (local
     * folder or SFTP, exactly one) and the exchange database where the feed also has a table.
     */
    public record FeedHealth(String feed, String direction, List<FeedTransports.Transport> transports, long processed,
                             long failed, long written, long waiting, FeedLog.Entry lastFile, long errorFiles,
                             List<FeedFolders.ErrorFile> errors, String consumerDown) {
    }
}
