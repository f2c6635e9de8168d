package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class InboundFeedsTest {

    @Test
    void sameFeedsRoutedAndHandledPass() {
        assertThatCode(() -> InboundFeeds.check(Set.of("enterprises", "credit-records"),
                Set.of("credit-records", "enterprises"))).doesNotThrowAnyException();
    }

    @Test
    void routeWithoutHandlerAndHandlerWithoutRouteAreNamed() {
        assertThatThrownBy(() -> InboundFeeds.check(Set.of("enterprises", "new-feed"), Set.of("enterprises", "old-feed")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("routed without a FeedHandler [new-feed]")
                .hasMessageContaining("FeedHandler without a route (routes/<feed>.yaml) [old-feed]");
    }

    @Test
    void settingsForAFeedTheHubHasNotStopTheStart() {
        assertThatCode(() -> InboundFeeds.checkSettings(Set.of("award-applications"),
                Set.of("award-applications", "enterprises"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> InboundFeeds.checkSettings(Set.of("award-aplications", "enterprises"),
                Set.of("award-applications", "enterprises")))
                .hasMessageContaining("hub.exchange.feeds names no inbound feed of the hub: [award-aplications]");
    }
}
