package cn.gov.sd.pilotzone.exchange;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * The routed inbound feeds: the Camel routes that consume a feed's inbox, the local folder ({@code inbox/<feed>}) or
 * the folder on an SFTP server, by feed. At start-up the hub checks that they are the feeds it has handlers for, both
 * ways: a route without a handler would reject every file, a handler without a route would never see one.
 */
@Component
public class InboundFeeds implements CamelContextConfiguration {

    private final CamelContext camel;
    private final ExchangeLayout layout;
    private final InboundFiles inbound;
    private final ExchangeSftp sftp;

    public InboundFeeds(CamelContext camel, ExchangeLayout layout, InboundFiles inbound, ExchangeSftp sftp) {
        this.camel = camel;
        this.layout = layout;
        this.inbound = inbound;
        this.sftp = sftp;
    }

    /** Route id by feed, for every route whose consumer polls an inbox (local or on SFTP). */
    public Map<String, String> routes() {
        Path inbox = layout.dataDir().resolve(ExchangeLayout.INBOX).toAbsolutePath().normalize();
        Map<String, String> routes = new TreeMap<>();
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof FileEndpoint file) {
                Path folder = file.getFile().toPath().toAbsolutePath().normalize();
                if (inbox.equals(folder.getParent())) {
                    routes.put(folder.getFileName().toString(), route.getRouteId());
                }
            }
        }
        for (String feed : sftp.feeds().keySet()) {
            if (camel.getRoute(ExchangeSftp.routeId(feed)) != null) {
                routes.put(feed, ExchangeSftp.routeId(feed));
            }
        }
        return routes;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the routes are loaded when the context starts
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        check(routes().keySet(), inbound.feeds());
        checkSettings(layout.feedsWithSettings(), inbound.feeds());
    }

    /**
     * Fails naming the feeds of {@code hub.exchange.feeds} that the hub has not: a misspelt feed's markers, quiet
     * period or workers would otherwise be ignored without a word.
     */
    static void checkSettings(Set<String> configured, Set<String> handled) {
        Set<String> unknown = new TreeSet<>(configured);
        unknown.removeAll(handled);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("hub.exchange.feeds names no inbound feed of the hub: " + unknown
                    + " (inbound feeds: " + new TreeSet<>(handled) + ")");
        }
    }

    /** Fails with the odd feeds named when the routed feeds and the handled feeds differ. */
    static void check(Set<String> routed, Set<String> handled) {
        Set<String> noHandler = new TreeSet<>(routed);
        noHandler.removeAll(handled);
        Set<String> noRoute = new TreeSet<>(handled);
        noRoute.removeAll(routed);
        if (!noHandler.isEmpty() || !noRoute.isEmpty()) {
            throw new IllegalStateException("inbound feeds do not match: routed without a FeedHandler " + noHandler
                    + ", FeedHandler without a route (routes/<feed>.yaml) " + noRoute);
        }
    }
}
