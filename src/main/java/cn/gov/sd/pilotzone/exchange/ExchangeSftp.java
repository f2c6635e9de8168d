package cn.gov.sd.pilotzone.exchange;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Feeds whose inbox or outbox is a folder on an SFTP server (docs/sftp.md), from {@code hub.exchange.sftp.<feed>}:
 * the endpoint URIs with credentials and host-key checking, and the servers' health. Bean {@code exchangeSftp} is
 * also the SFTP consumers' poll strategy, so a poll that cannot reach its server marks the feed DOWN (health
 * {@code exchangeSftp}) until a poll succeeds again.
 */
@Component("exchangeSftp")
public class ExchangeSftp implements HealthIndicator, PollingConsumerPollStrategy {

    private static final Logger log = LoggerFactory.getLogger(ExchangeSftp.class);
    private static final String ROUTE_SUFFIX = "-sftp";

    /**
     * One feed's SFTP folder. {@code uri}: {@code sftp://user@host:port/path/inbox/<feed>} (a path relative to the
     * user's home; {@code //} for an absolute one); a password or a private key; {@code knownHosts}: the server's key
     * in known_hosts format, required (no blind trust); {@code doneMarker}: the sender writes {@code <name>.done}
     * after each file instead of renaming it.
     */
    public record Feed(String uri, String password, String privateKey, String privateKeyPassphrase,
                       String knownHosts, Boolean doneMarker) {
    }

    record State(boolean up, String error, Instant at) {
    }

    private final Map<String, Feed> feeds;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private final FeedPolls polls;

    public ExchangeSftp(Environment env, Clock clock, FeedPolls polls) {
        this.clock = clock;
        this.polls = polls;
        this.feeds = new TreeMap<>(Binder.get(env).bind("hub.exchange.sftp", Bindable.mapOf(String.class, Feed.class))
                .orElse(Map.of()));
        feeds.forEach(ExchangeSftp::check);
    }

    private static void check(String feed, Feed f) {
        if (f.uri() == null || !f.uri().startsWith("sftp://")) {
            throw new IllegalStateException("hub.exchange.sftp." + feed + ".uri must be sftp://user@host:port/path");
        }
        if (f.knownHosts() == null || !Files.isReadable(Path.of(f.knownHosts()))) {
            throw new IllegalStateException("hub.exchange.sftp." + feed + ".known-hosts must name a readable "
                    + "known_hosts file with the server's key: the hub never trusts an unknown host key");
        }
        if (blank(f.password()) == blank(f.privateKey())) {
            throw new IllegalStateException("hub.exchange.sftp." + feed + ": give either password or private-key");
        }
    }

    public Map<String, Feed> feeds() {
        return feeds;
    }

    public boolean handles(String feed) {
        return feeds.containsKey(feed);
    }

    /** The route of a feed's SFTP inbox (also the name of its state in health). */
    public static String routeId(String feed) {
        return feed + ROUTE_SUFFIX;
    }

    /** The consumer of a feed's SFTP inbox (the route template adds read lock, claims, archive and error moves). */
    public String inbox(String feed) {
        Feed f = feeds.get(feed);
        Map<String, String> options = connection(f);
        if (Boolean.TRUE.equals(f.doneMarker())) {
            options.put("doneFileName", "${file:name}.done");
        }
        return f.uri() + query(options);
    }

    /** A feed's SFTP outbox, written like the local one: temp name, then renamed, then {@code <name>.done}. */
    public String outbox(String feed) {
        Feed f = feeds.get(feed);
        Map<String, String> options = connection(f);
        options.put("tempPrefix", ".writing-");
        options.put("doneFileName", "${file:name}.done");
        options.put("fileExist", "Override");
        return f.uri() + query(options);
    }

    /** {@code error/<feed>} beside the inbox's parent on the same server, where the {@code .error.txt} reasons go. */
    public String errors(String feed) {
        Feed f = feeds.get(feed);
        return sibling(f.uri(), "error", feed) + query(connection(f));
    }

    /** {@code sftp://u@h:p/a/inbox/feed} → {@code sftp://u@h:p/a/<folder>/feed}. */
    static String sibling(String uri, String folder, String feed) {
        URI parsed = URI.create(uri);
        String path = parsed.getRawPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int inbox = trimmed.lastIndexOf('/');
        int parent = inbox <= 0 ? -1 : trimmed.lastIndexOf('/', inbox - 1);
        String base = parent < 0 ? "" : trimmed.substring(0, parent);
        return uri.substring(0, uri.indexOf(path)) + base + "/" + folder + "/" + feed;
    }

    private static Map<String, String> connection(Feed f) {
        Map<String, String> options = new LinkedHashMap<>();
        if (!blank(f.password())) {
            options.put("password", "RAW(" + f.password() + ")");
        } else {
            options.put("privateKeyFile", f.privateKey());
            if (!blank(f.privateKeyPassphrase())) {
                options.put("privateKeyPassphrase", "RAW(" + f.privateKeyPassphrase() + ")");
            }
        }
        options.put("knownHostsFile", f.knownHosts());
        options.put("strictHostKeyChecking", "yes");
        options.put("useUserKnownHostsFile", "false");
        options.put("binary", "true");
        options.put("connectTimeout", "5000");
        options.put("soTimeout", "30000");
        options.put("timeout", "30000");
        options.put("disconnect", "false");
        return options;
    }

    private static String query(Map<String, String> options) {
        StringJoiner q = new StringJoiner("&", "?", "");
        options.forEach((k, v) -> q.add(k + "=" + v));
        return q.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- health: each SFTP route's last poll or delivery ----

    public void up(String routeId) {
        State before = states.put(routeId, new State(true, null, clock.instant()));
        if (before != null && !before.up()) {
            log.info("{}: SFTP server reachable again", routeId);
        }
    }

    public void down(String routeId, Throwable cause) {
        String error = cause == null ? "unknown" : rootMessage(cause);
        State before = states.put(routeId, new State(false, error, clock.instant()));
        if (before == null || before.up()) {
            log.warn("{}: SFTP server unreachable, retried with back-off: {}", routeId, error);
        }
    }

    /**
     * An outbound route's attempt failed (bean {@code outboundFailed}, on every attempt): DOWN when its outbox is on
     * an SFTP server, until {@link #up} after the next upload that succeeds (the write is retried with back-off).
     */
    public void failed(String feed, Throwable cause) {
        if (handles(feed)) {
            down(feed, cause);
        }
    }

    public Optional<String> downReason(String routeId) {
        State s = states.get(routeId);
        return s == null || s.up() ? Optional.empty() : Optional.of(s.error());
    }

    @Override
    public Health health() {
        if (states.isEmpty()) {
            return Health.up().withDetail("feeds", feeds.keySet()).build();
        }
        Health.Builder health = states.values().stream().allMatch(State::up) ? Health.up() : Health.down();
        new TreeMap<>(states).forEach((route, s) -> health.withDetail(route, s.up() ? "UP" : "DOWN: " + s.error()));
        return health.build();
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        polls.started(feed(routeId(consumer)));
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        String routeId = routeId(consumer);
        polls.finished(feed(routeId));
        up(routeId);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        String routeId = routeId(consumer);
        polls.finished(feed(routeId));
        down(routeId, cause);
        return false; // no immediate retry: the consumer's back-off decides when to poll again
    }

    private static String feed(String routeId) {
        return routeId.endsWith(ROUTE_SUFFIX) ? routeId.substring(0, routeId.length() - ROUTE_SUFFIX.length())
                : routeId;
    }

    private static String routeId(Consumer consumer) {
        return consumer instanceof RouteIdAware aware && aware.getRouteId() != null ? aware.getRouteId()
                : consumer.getEndpoint().getEndpointKey();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
