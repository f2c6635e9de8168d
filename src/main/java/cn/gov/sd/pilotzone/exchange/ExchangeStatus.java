package cn.gov.sd.pilotzone.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The exchange as those who watch it see it (the dashboard): each feed's state from the feed log, the outbox, the
 * folders and its consumer's health; the hub nodes; putting a fixed rejected file back. Other modules read the
 * exchange's tables ({@code feed_file}, {@code outbox_item}, {@code hub_node}) and folders only through this.
 */
@Component
public class ExchangeStatus {

    /**
     * One feed: files processed and failed (inbound) or written (outbound) as the feed log recorded them, files
     * waiting in the inbox or rows waiting in the outbox, the last file, the error folder, and why the inbound
     * consumer is DOWN (null when it runs, and for outbound feeds); {@code transports}: where its files go (local
     * folder or SFTP, exactly one) and the exchange database where the feed also has a table.
     */
    public record Feed(String feed, String direction, List<FeedTransports.Transport> transports, long processed,
                       long failed, long written, long waiting, FeedLog.Entry lastFile, long errorFiles,
                       List<ErrorFile> errors, String consumerDown) {
    }

    /** A file in {@code error/<feed>/}: the stored (time-stamped) name, the name it came with, why it failed. */
    public record ErrorFile(String storedName, String originalName, long size, Instant modified, String reason,
                            boolean reprocessable) {
    }

    /**
     * A hub process on this database (README.md) with its last heartbeat; {@code alive} false once it has been silent
     * for {@code hub.cluster.node-timeout}: its inbound files are then taken over by the others.
     */
    public record Node(String nodeId, String host, Instant startedAt, Instant heartbeatAt, boolean alive) {
    }

    private final JdbcTemplate jdbc;
    private final FeedFolders folders;
    private final FeedLog feedLog;
    private final List<FeedHandler> inbound;
    private final OutboundFormats outbound;
    private final FeedTransports transports;
    private final InboundFeedHealth consumers;
    private final HubNode node;
    private final Clock clock;

    ExchangeStatus(JdbcTemplate jdbc, FeedFolders folders, FeedLog feedLog, List<FeedHandler> inbound,
                   OutboundFormats outbound, FeedTransports transports, InboundFeedHealth consumers, HubNode node,
                   Clock clock) {
        this.jdbc = jdbc;
        this.folders = folders;
        this.feedLog = feedLog;
        this.inbound = inbound;
        this.outbound = outbound;
        this.transports = transports;
        this.consumers = consumers;
        this.node = node;
        this.clock = clock;
    }

    /** Inbound feeds (those with a handler or an inbox folder), then outbound ones (configured or seen). */
    public List<Feed> feeds() {
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
        List<Feed> feeds = new ArrayList<>();
        for (String feed : in) {
            Map<String, Long> n = logged.getOrDefault(feed, Map.of());
            feeds.add(new Feed(feed, "IN", transports.of(feed),
                    n.getOrDefault(FeedLog.Status.PROCESSED.name(), 0L),
                    n.getOrDefault(FeedLog.Status.FAILED.name(), 0L), 0, folders.waiting(feed), last(feed),
                    folders.errorCount(feed), folders.errors(feed), consumer(feed)));
        }
        for (String feed : out) {
            Map<String, Long> n = logged.getOrDefault(feed, Map.of());
            feeds.add(new Feed(feed, "OUT", transports.of(feed), 0, 0,
                    n.getOrDefault(FeedLog.Status.WRITTEN.name(), 0L), pendingRows.getOrDefault(feed, 0L), last(feed),
                    0, List.of(), null));
        }
        return feeds;
    }

    /** The hub nodes seen within a day, newest first: older rows are processes long gone. */
    public List<Node> nodes() {
        Instant aliveSince = node.aliveSince();
        return jdbc.query("SELECT node_id, host, started_at, heartbeat_at FROM hub_node WHERE heartbeat_at > ? "
                        + "ORDER BY started_at DESC",
                (rs, i) -> {
                    Instant beat = Utc.instant(rs.getObject("heartbeat_at", LocalDateTime.class));
                    return new Node(rs.getString("node_id"), rs.getString("host"),
                            Utc.instant(rs.getObject("started_at", LocalDateTime.class)), beat,
                            beat.isAfter(aliveSince));
                }, Utc.of(clock.instant().minus(Duration.ofDays(1))));
    }

    /**
     * Puts a rejected file of an inbound feed, fixed in place, back into its inbox under the name it came with
     * (audited as {@code FILE_REPROCESS}). A feed that is not inbound, a name that is not a stored file of its error
     * folder, or an inbox already holding that name: 400 naming {@code feed} or {@code file}.
     *
     * @return the name the file has in the inbox
     */
    public String reprocess(String feed, String storedName, String actor) {
        if (!isInbound(feed)) {
            throw new InvalidInputException(Problem.of("feed", "reprocess.unknownFeed", String.valueOf(feed)));
        }
        return folders.reprocess(feed, storedName, actor);
    }

    /** Whether {@code feed} is an inbound feed whose rejected files can be put back. */
    private boolean isInbound(String feed) {
        return inbound.stream().anyMatch(h -> h.feed().equals(feed)) || folders.inboxFeeds().contains(feed);
    }

    /** The inbound consumer's health as {@code /actuator/health} has it: why it is DOWN, or null when UP. */
    private String consumer(String feed) {
        Health health = consumers.health(feed);
        return Status.UP.equals(health.getStatus()) ? null
                : String.valueOf(health.getDetails().getOrDefault("reason", health.getDetails()));
    }

    private FeedLog.Entry last(String feed) {
        return feedLog.recent(feed, 1).stream().findFirst().orElse(null);
    }
}
