package cn.gov.sd.pilotzone.exchange;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link StuckFeedIT} for a feed with workers: the stuck file is on a worker while the consumer goes on polling, so
 * the feed is DOWN for the file in work, not for its poll.
 */
@Import(StuckFeedIT.Blocking.class)
@TestPropertySource(properties = "hub.exchange.feeds." + StuckFeedIT.FEED + ".workers=2")
class StuckFeedWorkersIT extends StuckFeedIT {

    @Override
    String stuckReason() {
        return "a file has been in work for more than PT2S";
    }
}
