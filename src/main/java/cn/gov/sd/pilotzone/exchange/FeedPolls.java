package cn.gov.sd.pilotzone.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.springframework.stereotype.Component;

/**
 * The inbound file consumers' poll strategy (bean {@code feedPolls}): before a poll it sweeps the feed's inbox
 * ({@link InboxSweep}, at most once a second), and it remembers when each feed's last poll began and ended, so that
 * the feed's health ({@link InboundFeedHealth}) can tell a consumer that stopped polling (its thread died) or is
 * stuck in one poll.
 * An SFTP inbox has no local folder to sweep: its poll strategy reports its polls here.
 */
@Component("feedPolls")
public class FeedPolls extends DefaultPollingConsumerPollStrategy {

    /** A feed's latest poll; {@code finished} is null while it runs. */
    public record Poll(Instant started, Instant finished) {
    }

    private final InboxSweep sweep;
    private final Clock clock;
    private final Map<String, Poll> polls = new ConcurrentHashMap<>();
    /** When each feed's inbox was last swept, in {@link System#nanoTime}: a pace, not a time of day. */
    private final Map<String, Long> swept = new ConcurrentHashMap<>();

    public FeedPolls(InboxSweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        String feed = feed(endpoint);
        started(feed);
        // at most once per InboxSweep.SETTLE: a burst is taken in back-to-back polls and a sweep reads every entry's
        // attributes, while a refused regular file waits that long before it is moved anyway
        long now = System.nanoTime();
        Long last = swept.get(feed);
        if (last == null || now - last >= InboxSweep.SETTLE.toNanos()) {
            swept.put(feed, now);
            sweep.sweep(feed);
        }
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        finished(feed(endpoint));
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) throws Exception {
        finished(feed(endpoint));
        return super.rollback(consumer, endpoint, retryCounter, e);
    }

    public Optional<Poll> last(String feed) {
        return Optional.ofNullable(polls.get(feed));
    }

    /** A poll of the feed's inbox began (also an SFTP inbox's, whose poll strategy is {@link ExchangeSftp}). */
    public void started(String feed) {
        polls.put(feed, new Poll(clock.instant(), null));
    }

    public void finished(String feed) {
        polls.computeIfPresent(feed, (f, poll) -> new Poll(poll.started(), clock.instant()));
    }

    /** An inbound consumer's feed: the name of the inbox folder it polls. */
    static String feed(Endpoint endpoint) {
        return ((FileEndpoint) endpoint).getFile().getName();
    }
}
