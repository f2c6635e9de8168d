package cn.gov.sd.pilotzone.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import cn.gov.sd.pilotzone.award.AwardCatalog;
import cn.gov.sd.pilotzone.award.AwardFigures;
import cn.gov.sd.pilotzone.award.AwardPolicy;
import cn.gov.sd.pilotzone.award.PaymentAlerts;
import cn.gov.sd.pilotzone.dashboard.Dashboard.BureauTasks;
import cn.gov.sd.pilotzone.dashboard.Dashboard.PolicyAwards;
import cn.gov.sd.pilotzone.dashboard.Dashboard.StatusCount;
import cn.gov.sd.pilotzone.exchange.ExchangeStatus;
import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.task.TaskSearch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The supervisors' dashboard: one read of tasks, awards, applications and feeds, each through its module's API
 * ({@link TaskSearch#workload()}, {@link AwardFigures}, {@link ExchangeStatus}); it reads no module's tables itself.
 */
@Service
class DashboardService {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);

    private final BureauDirectory bureaus;
    private final AwardCatalog catalog;
    private final AwardFigures figures;
    private final TaskSearch tasks;
    private final ExchangeStatus exchange;
    private final Clock clock;
    private final PaymentAlerts paymentAlerts;
    private final Duration maxAge;
    private final ReentrantLock computing = new ReentrantLock();
    private volatile Dashboard last;

    DashboardService(BureauDirectory bureaus, AwardCatalog catalog, AwardFigures figures, TaskSearch tasks,
                     ExchangeStatus exchange, PaymentAlerts paymentAlerts, Clock clock,
                     @Value("${hub.dashboard.max-age:PT5S}") Duration maxAge) {
        this.bureaus = bureaus;
        this.catalog = catalog;
        this.figures = figures;
        this.tasks = tasks;
        this.exchange = exchange;
        this.paymentAlerts = paymentAlerts;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * The dashboard as of at most {@code hub.dashboard.max-age} ago (5 s), plus the time one computation takes. Its
     * figures aggregate whole tables (every application, the ledger, every open task), whose cost grows with a year
     * of data; supervisors watching it at once share one computation instead of each paying it, and while one of
     * them computes it anew the others are shown the last one rather than made to wait (README "Performance",
     * figures 4 and 5). Only the first dashboard after a start is waited for by all.
     */
    public Dashboard dashboard() {
        Dashboard recent = last;
        if (fresh(recent)) {
            return recent;
        }
        if (recent == null) {
            computing.lock(); // nothing to show yet: wait for the first
        } else if (!computing.tryLock()) {
            return recent; // another supervisor's request is computing it
        }
        try {
            recent = last;
            if (!fresh(recent)) {
                recent = compute();
                last = recent;
            }
            return recent;
        } finally {
            computing.unlock();
        }
    }

    private boolean fresh(Dashboard dashboard) {
        return dashboard != null && !dashboard.at().plus(maxAge).isBefore(clock.instant());
    }

    private Dashboard compute() {
        TaskSearch.Workload work = tasks.workload();
        return new Dashboard(clock.instant(), work.open(), work.overdue(), tasksByBureau(work), awardsByPolicy(),
                applicationsByStatus(), exchange.feeds(), exchange.nodes(), paymentAlerts.open());
    }

    /** Open and overdue tasks per candidate group, busiest first; a task with two groups counts for both. */
    private List<BureauTasks> tasksByBureau(TaskSearch.Workload work) {
        return work.byGroup().stream().map(g -> {
            Optional<Bureau> b = bureaus.find(g.group());
            return new BureauTasks(g.group(), b.map(Bureau::name).orElse(g.group()),
                    b.map(Bureau::nameEn).orElse(g.group()), g.open(), g.overdue());
        }).toList();
    }

    /** Per policy of the catalog that has applications, in catalog order. */
    private List<PolicyAwards> awardsByPolicy() {
        return figures.byPolicy().stream().map(f -> {
            Optional<AwardPolicy> p = catalog.find(f.policyCode());
            BigDecimal amount = yuan(f.amount());
            BigDecimal paidAmount = yuan(f.paidAmount());
            return new PolicyAwards(f.policyCode(), p.map(AwardPolicy::name).orElse(f.policyCode()),
                    p.map(AwardPolicy::nameEn).orElse(f.policyCode()), f.applications(), amount, wan(amount),
                    f.paid(), paidAmount, wan(paidAmount));
        }).toList();
    }

    /** Every status of the process, in its order, with zero where there is none. */
    private List<StatusCount> applicationsByStatus() {
        return figures.byStatus().entrySet().stream()
                .map(e -> new StatusCount(e.getKey().name(), e.getValue())).toList();
    }

    private static BigDecimal yuan(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
    }

    /** 万元 with four decimals, so that no yuan is lost in the conversion. */
    static BigDecimal wan(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND, 4, RoundingMode.HALF_UP);
    }
}
