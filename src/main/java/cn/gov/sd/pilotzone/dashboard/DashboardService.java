package cn.gov.sd.pilotzone.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import cn.gov.sd.pilotzone.award.AwardCatalog;
import cn.gov.sd.pilotzone.award.AwardFigures;
import cn.gov.sd.pilotzone.award.AwardPolicy;
import cn.gov.sd.pilotzone.award.PaymentAlerts;
import cn.gov.sd.pilotzone.common.Utc;
import cn.gov.sd.pilotzone.dashboard.Dashboard.BureauTasks;
import cn.gov.sd.pilotzone.dashboard.Dashboard.FeedHealth;
import cn.gov.sd.pilotzone.dashboard.Dashboard.PolicyAwards;
import cn.gov.sd.pilotzone.dashboard.Dashboard.StatusCount;
import cn.gov.sd.pilotzone.exchange.FeedHandler;
import cn.gov.sd.pilotzone.exchange.FeedLog;
import cn.gov.sd.pilotzone.exchange.FeedTransports;
import cn.gov.sd.pilotzone.exchange.HubNode;
import cn.gov.sd.pilotzone.exchange.InboundFeedHealth;
import cn.gov.sd.pilotzone.exchange.OutboundFormats;
import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.task.TaskSearch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The supervisors' dashboard: one read of tasks, awards, applications and feeds, each through its module's API
 * ({@link TaskSearch#workload()}, {@link AwardFigures}); the exchange's folders and tables are read here.
 */
@Service
class DashboardService {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);

    private final JdbcTemplate jdbc;
    private final BureauDirectory bureaus;
    private final AwardCatalog catalog;
    private final AwardFigures figures;
    private final TaskSearch tasks;
    private final FeedLog feedLog;
    private final FeedFolders folders;
    private final List<FeedHandler> inbound;
    private final OutboundFormats outbound;
    private final Clock clock;
    private final HubNode node;
    private final InboundFeedHealth consumers;
    private final FeedTransports transports;
    private final PaymentAlerts paymentAlerts;
    private final Duration maxAge;
    private volatile Dashboard last;

    DashboardService(JdbcTemplate jdbc, BureauDirectory bureaus, AwardCatalog catalog, AwardFigures figures,
                     TaskSearch tasks, FeedLog feedLog, FeedFolders folders, List<FeedHandler> inbound,
                     OutboundFormats outbound, Clock clock, HubNode node, PaymentAlerts paymentAlerts,
                     InboundFeedHealth consumers, FeedTransports transports,
                     @Value("${hub.dashboard.max-age:PT5S}") Duration maxAge) {
        this.transports = transports;
        this.figures = figures;
        this.tasks = tasks;
        this.paymentAlerts = paymentAlerts;
        this.maxAge = maxAge;
        this.node = node;
        this.consumers = consumers;
        this.jdbc = jdbc;
        this.bureaus = bureaus;
        this.catalog = catalog;
        this.feedLog = feedLog;
        this.folders = folders;
        this.inbound = inbound;
        this.outbound = outbound;
        this.clock = clock;
    }

    /**
     * The dashboard as of at most {@code hub.dashboard.max-age} ago (5 s). Its figures aggregate whole tables (every
     * application, the ledger, every open task), whose cost grows with a year of data; supervisors watching it at
     * once share one computation instead of each paying it (README "Performance", figures 4 and 5).
     */
    public Dashboard dashboard() {
        Dashboard recent = last;
        if (recent != null && !recent.at().plus(maxAge).isBefore(clock.instant())) {
            return recent;
        }
        synchronized (this) {
            recent = last;
            if (recent != null && !recent.at().plus(maxAge).isBefore(clock.instant())) {
                return recent;
            }
            last = compute();
            return last;
        }
    }

    private Dashboard compute() {
        TaskSearch.Workload work = tasks.workload();
        return new Dashboard(clock.instant(), work.open(), work.overdue(), tasksByBureau(work), awardsByPolicy(),
                applicationsByStatus(), feeds(), nodes(), paymentAlerts.open());
    }

    /** The hub nodes seen within a day, newest first: older rows are processes long gone. */
    public List<Dashboard.Node> nodes() {
        Instant aliveSince = node.aliveSince();
        return jdbc.query("SELECT node_id, host, started_at, heartbeat_at FROM hub_node WHERE heartbeat_at > ? "
                        + "ORDER BY started_at DESC",
                (rs, i) -> {
                    Instant beat = Utc.instant(rs.getObject("heartbeat_at", LocalDateTime.class));
                    return new Dashboard.Node(rs.getString("node_id"), rs.getString("host"),
                            Utc.instant(rs.getObject("started_at", LocalDateTime.class)), beat,
                            beat.isAfter(aliveSince));
                }, Utc.of(clock.instant().minus(Duration.ofDays(1))));
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

    /** Inbound feeds (those with a handler or an inbox folder), then outbound ones (configured or seen). */
    public List<FeedHealth> feeds() {
        Map<String, Map<String, Long>> logged = new HashMap<>();
        jdbc.query("SELECT feed, status, COUNT(*) AS n FROM feed_file GROUP BY feed, status",
                rs -> {
                    logged.computeIfAbsent(rs.getString("feed"), f -> new HashMap<>())
                            .put(rs.getString("status"), rs.getLong("n"));
                });
        TreeSet<String> in = new TreeSet<>(folders.inboxFeeds());
        inbound.forEach(h -> in.add(h.feed()));
        TreeSet<String> out = new TreeSet<>(outbound.outbound().keySet());
        out.addAll(jdbc.queryForList("SELECT DISTINCT feed FROM feed_file WHERE direction = 'OUT'", String.class));
        out.addAll(jdbc.queryForList("SELECT DISTINCT feed FROM outbox_item", String.class));
        out.removeAll(in);

        Map<String, Long> pendingRows = new HashMap<>();
        jdbc.query("SELECT feed, COUNT(*) AS n FROM outbox_item WHERE batch_id IS NULL GROUP BY feed",
                rs -> {
                    pendingRows.put(rs.getString("feed"), rs.getLong("n"));
                });
        List<FeedHealth> feeds = new ArrayList<>();
        for (String feed : in) {
            Map<String, Long> n = logged.getOrDefault(feed, Map.of());
            feeds.add(new FeedHealth(feed, "IN", transports.of(feed),
                    n.getOrDefault(FeedLog.Status.PROCESSED.name(), 0L),
                    n.getOrDefault(FeedLog.Status.FAILED.name(), 0L), 0, folders.waiting(feed), last(feed),
                    folders.errorCount(feed), folders.errors(feed), consumer(feed)));
        }
        for (String feed : out) {
            Map<String, Long> n = logged.getOrDefault(feed, Map.of());
            feeds.add(new FeedHealth(feed, "OUT", transports.of(feed), 0, 0,
                    n.getOrDefault(FeedLog.Status.WRITTEN.name(), 0L), pendingRows.getOrDefault(feed, 0L), last(feed),
                    0, List.of(), null));
        }
        return feeds;
    }

    /** The inbound consumer's health as {@code /actuator/health} has it: why it is DOWN, or null when UP. */
    private String consumer(String feed) {
        Health health = consumers.health(feed);
        return Status.UP.equals(health.getStatus()) ? null
                : String.valueOf(health.getDetails().getOrDefault("reason", health.getDetails()));
    }

    /** Whether {@code feed} is an inbound feed whose rejected files can be put back. */
    public boolean isInbound(String feed) {
        return inbound.stream().anyMatch(h -> h.feed().equals(feed)) || folders.inboxFeeds().contains(feed);
    }

    private FeedLog.Entry last(String feed) {
        return feedLog.recent(feed, 1).stream().findFirst().orElse(null);
    }

    private static BigDecimal yuan(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
    }

    /** 万元 with four decimals, so that no yuan is lost in the conversion. */
    static BigDecimal wan(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND, 4, RoundingMode.HALF_UP);
    }
}
