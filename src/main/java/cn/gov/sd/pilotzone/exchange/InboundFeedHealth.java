package cn.gov.sd.pilotzone.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.InflightRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code feeds}: one indicator per inbound feed, DOWN when its route is not
 * started, when its consumer has not begun a poll for {@code hub.exchange.feed-silence} (its thread died: polls are
 * at most half a second apart, about 5 s during a back-off after failed polls), or when one poll has run longer than
 * {@code hub.exchange.poll-timeout} (stuck reading a file that never ends), or when one of its files has been in
 * work that long: a feed with workers applies its files outside the poll (docs/intake.md "Workers"), so a file
 * stuck on a worker shows only there (Camel's in-flight repository, browsable: config/application.yml).
 */
@Component("feeds")
public class InboundFeedHealth implements CompositeHealthContributor {

    private final CamelContext camel;
    private final InboundFeeds feeds;
    private final FeedPolls polls;
    private final Clock clock;
    private final Duration silence;
    private final Duration pollTimeout;

    public InboundFeedHealth(CamelContext camel, InboundFeeds feeds, FeedPolls polls, Clock clock,
                      @Value("${hub.exchange.feed-silence:PT1M}") Duration silence,
                      @Value("${hub.exchange.poll-timeout:PT10M}") Duration pollTimeout) {
        this.camel = camel;
        this.feeds = feeds;
        this.polls = polls;
        this.clock = clock;
        this.silence = silence;
        this.pollTimeout = pollTimeout;
    }

    /** The feed's consumer as health sees it; DOWN with a reason when it is not taking files. */
    public Health health(String feed) {
        String routeId = feeds.routes().get(feed);
        if (routeId == null) {
            return Health.down().withDetail("reason", "no route").build();
        }
        ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        if (status != ServiceStatus.Started) {
            return Health.down().withDetail("route", String.valueOf(status)).build();
        }
        Instant now = clock.instant();
        Route route = camel.getRoute(routeId);
        long uptime = route == null ? 0 : route.getUptimeMillis();
        FeedPolls.Poll poll = polls.last(feed).orElse(null);
        if (poll == null || poll.started().isBefore(now.minusMillis(uptime))) {
            // no poll since the route (re)started
            return uptime > silence.toMillis()
                    ? Health.down().withDetail("reason", "never polled").build()
                    : Health.up().withDetail("route", "starting").build();
        }
        Health.Builder health = Health.up().withDetail("lastPoll", poll.started());
        if (poll.finished() == null && poll.started().isBefore(now.minus(pollTimeout))) {
            return health.down().withDetail("reason", "one poll has run for more than " + pollTimeout).build();
        }
        InflightRepository.InflightExchange oldest = camel.getInflightRepository().oldest(routeId);
        if (oldest != null && oldest.getDuration() > pollTimeout.toMillis()) {
            return health.down().withDetail("reason", "a file has been in work for more than " + pollTimeout)
                    .build();
        }
        if (poll.finished() != null && poll.started().isBefore(now.minus(silence))) {
            return health.down().withDetail("reason", "no poll for more than " + silence).build();
        }
        return health.build();
    }

    @Override
    public HealthContributor getContributor(String feed) {
        return feeds.routes().containsKey(feed) ? (HealthIndicator) () -> health(feed) : null;
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        Map<String, String> routes = feeds.routes();
        return routes.keySet().stream()
                .map(feed -> NamedContributor.<HealthContributor>of(feed, (HealthIndicator) () -> health(feed)))
                .iterator();
    }
}
