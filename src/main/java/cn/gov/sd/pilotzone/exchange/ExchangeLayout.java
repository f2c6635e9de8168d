package cn.gov.sd.pilotzone.exchange;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The exchange layout (docs/intake.md), written once for the inbound routes, their filter and sweep, and the
 * dashboard: the folders ({@code inbox/}, {@code archive/}, {@code error/} per feed under {@code hub.data-dir}), the
 * names the routes ignore, the time-stamped name of a stored copy and how to read it back, the claim key of a file,
 * and each feed's settings ({@code hub.exchange.feeds.<feed>.done-marker}, {@code .quiet-period}, {@code .workers}).
 */
@Component("exchangeLayout")
public class ExchangeLayout {

    public static final String INBOX = "inbox";
    public static final String ARCHIVE = "archive";
    public static final String ERROR = "error";
    /** The reason of a rejected file, next to it in {@code error/<feed>/}. */
    public static final String REPORT_SUFFIX = ".error.txt";
    /** The marker a sender writes after its file when the feed asks for one ({@code <name>.done}). */
    public static final String DONE_SUFFIX = ".done";

    /** A feed's name, as its folders are named: a path cannot hide in it. */
    private static final Pattern FEED_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Names the routes never take: hidden files, markers and files still being written under a temporary name. */
    private static final Pattern IGNORED = Pattern.compile("^\\..*|.*\\.(done|tmp|part)$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final int STAMP_LENGTH = "yyyyMMdd-HHmmss-SSS".length();

    /** A feed's own settings; absent ones take the hub-wide defaults. */
    public record FeedSettings(Boolean doneMarker, Duration quietPeriod, Integer workers) {
    }

    /** More workers than a 2-core server has use for, and a burst's claims (one poll) stay with few of them. */
    static final int MAX_WORKERS = 8;

    private final Path dataDir;
    private final Duration quietPeriod;
    private final int maxAttempts;
    private final Map<String, FeedSettings> feeds;

    @Autowired
    public ExchangeLayout(@Value("${hub.data-dir}") String dataDir,
                          @Value("${hub.exchange.quiet-period:PT10S}") Duration quietPeriod,
                          @Value("${hub.exchange.max-attempts:3}") int maxAttempts, Environment env) {
        this(Path.of(dataDir), quietPeriod, maxAttempts, Binder.get(env)
                .bind("hub.exchange.feeds", Bindable.mapOf(String.class, FeedSettings.class)).orElse(Map.of()));
    }

    public ExchangeLayout(Path dataDir, Duration quietPeriod, int maxAttempts, Map<String, FeedSettings> feeds) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("hub.exchange.max-attempts must be at least 1: " + maxAttempts);
        }
        // the quiet period is the only guard against a half-written file without a marker (no Camel read lock)
        requireQuietPeriod("hub.exchange.quiet-period", quietPeriod);
        feeds.forEach((feed, s) -> requireQuietPeriod("hub.exchange.feeds." + feed + ".quiet-period", s.quietPeriod()));
        feeds.forEach((feed, s) -> {
            if (s.workers() != null && (s.workers() < 1 || s.workers() > MAX_WORKERS)) {
                throw new IllegalArgumentException("hub.exchange.feeds." + feed + ".workers must be between 1 and "
                        + MAX_WORKERS + ": " + s.workers());
            }
        });
        this.dataDir = dataDir;
        this.quietPeriod = quietPeriod;
        this.maxAttempts = maxAttempts;
        this.feeds = Map.copyOf(feeds);
    }

    /** At least a second: file times on some file systems have one-second steps. */
    static final Duration MIN_QUIET_PERIOD = Duration.ofSeconds(1);

    private static void requireQuietPeriod(String property, Duration period) {
        if (period != null && period.compareTo(MIN_QUIET_PERIOD) < 0) {
            throw new IllegalArgumentException(property + " must be at least " + MIN_QUIET_PERIOD + ": " + period);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Whether {@code feed} may name a feed's folder (lower-case letters, digits and hyphens). */
    public static boolean isFeedName(String feed) {
        return feed != null && FEED_NAME.matcher(feed).matches();
    }

    /** {@code <data-dir>/<kind>/<feed>}, kind one of {@link #INBOX}, {@link #ARCHIVE}, {@link #ERROR}. */
    public Path folder(String kind, String feed) {
        return dataDir.resolve(kind).resolve(feed);
    }

    /** Where the route moves an applied file (its {@code move} option). */
    public String archived(@Header(RouteHeaders.FEED) String feed, @Header(RouteHeaders.STORED_NAME) String storedName) {
        return folder(ARCHIVE, feed).resolve(storedName).toString();
    }

    /** Where the route moves a rejected file (its {@code moveFailed} option). */
    public String rejected(@Header(RouteHeaders.FEED) String feed, @Header(RouteHeaders.STORED_NAME) String storedName) {
        return folder(ERROR, feed).resolve(storedName).toString();
    }

    /** Whether the routes leave this name alone (hidden, marker, partial). */
    public boolean ignored(String name) {
        return IGNORED.matcher(name).matches();
    }

    /** {@code <UTC time stamp>_<name>}, the name made safe to store when it is not ({@link InboundNames#safe}). */
    public String storedName(String name, Instant now) {
        return STAMP.format(now) + "_" + InboundNames.safe(name);
    }

    /** The name a stored copy came with: its time stamp taken off, or the name itself if it has none. */
    public String originalName(String storedName) {
        if (storedName.length() <= STAMP_LENGTH + 1 || storedName.charAt(STAMP_LENGTH) != '_') {
            return storedName;
        }
        try {
            STAMP.parse(storedName.substring(0, STAMP_LENGTH));
            return storedName.substring(STAMP_LENGTH + 1);
        } catch (DateTimeParseException e) {
            return storedName;
        }
    }

    /**
     * The claim key of an inbox file ({@link InboundClaims}): {@code <feed>/<name>-<size>-<modified>}, so a re-sent
     * file with the same name and new content is a new file. Camel's idempotent consumer and the route's steps both
     * call this: the file's folder is its feed.
     */
    public String claimKey(@Header(Exchange.FILE_PARENT) String folder, @Header(Exchange.FILE_NAME_ONLY) String name,
                           @Header(Exchange.FILE_LENGTH) long size, @Header(Exchange.FILE_LAST_MODIFIED) long modified) {
        return Path.of(folder).getFileName() + "/" + name + "-" + size + "-" + modified;
    }

    /** Whether the feed's senders announce each file with {@code <name>.done} once it is complete. */
    public boolean doneMarker(String feed) {
        FeedSettings s = feeds.get(feed);
        return s != null && Boolean.TRUE.equals(s.doneMarker());
    }

    /**
     * How long a file must have been left unchanged before it is taken: a sender that writes under the final name
     * and pauses is not read half-way. A feed with done markers needs none: the marker says the file is complete.
     */
    public Duration quietPeriod(String feed) {
        if (doneMarker(feed)) {
            return Duration.ZERO;
        }
        FeedSettings s = feeds.get(feed);
        return s != null && s.quietPeriod() != null ? s.quietPeriod() : quietPeriod;
    }

    /** The feeds {@code hub.exchange.feeds} has settings for (InboundFeeds checks they exist). */
    public Set<String> feedsWithSettings() {
        return feeds.keySet();
    }

    /**
     * How many of the feed's files a node applies at once from its local inbox (default 1: one after the other, in
     * the order they arrived). More than one only for a feed whose files stand alone
     * ({@link FeedHandler#independentFiles}); ExchangeRoutes refuses it for the others.
     */
    public int workers(String feed) {
        FeedSettings s = feeds.get(feed);
        return s != null && s.workers() != null ? s.workers() : 1;
    }

    /**
     * The most of the feed's files a node applies at the same moment: its workers, and the consumer itself, which
     * applies a file when they are all busy and their queue is full (ExchangeRoutes).
     */
    public int mostAtOnce(String feed) {
        int workers = workers(feed);
        return workers == 1 ? 1 : workers + 1;
    }

    /** How many times a file is taken before it is quarantined to error/ (it was in work when the hub died). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The headers the inbound route sets and its beans read by name. */
    public static final class RouteHeaders {
        public static final String FEED = "hubFeed";
        public static final String STORED_NAME = "hubStoredName";
        public static final String CLAIM_KEY = "hubClaimKey";

        private RouteHeaders() {
        }
    }
}
