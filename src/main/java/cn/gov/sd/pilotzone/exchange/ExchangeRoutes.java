package cn.gov.sd.pilotzone.exchange;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.sql.SqlComponent;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ThreadsDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's side of exchange beyond folders: the SQL component {@code exsql} on the exchange database's pool (the
 * camel-sql starter is not used, so the component is registered here); one route per table feed of
 * {@code hub.exchange.db.feeds} from the template {@code inbound-table} (routes/exchange-tables.yaml) and one per
 * SFTP inbox of {@code hub.exchange.sftp} from {@code inbound-sftp} (routes/sftp-template.yaml). Feeds are
 * configuration, so their routes are made from it once the YAML templates are loaded. A feed's files have one
 * transport ({@link FeedTransports}): the local inbox route of a feed whose inbox is on SFTP is taken out before
 * any route starts, so no file is ever taken from that folder. A local inbox with several workers
 * ({@code hub.exchange.feeds.<feed>.workers}) gets them here too ({@link #withWorkers}).
 */
@Configuration(proxyBeanMethods = false)
class ExchangeRoutes {

    private static final Logger log = LoggerFactory.getLogger(ExchangeRoutes.class);

    @Bean("exsql")
    SqlComponent exsql(ExchangeDatabase database) {
        SqlComponent sql = new SqlComponent();
        if (database.enabled()) {
            sql.setDataSource(database.dataSource());
        }
        return sql;
    }

    /**
     * Called by the outbound routes' error handler on every failed attempt (routes/outbound-template.yaml): an SFTP
     * outbox is DOWN in health from the first failure, not only once the redeliveries run out.
     */
    @Bean("outboundFailed")
    Processor outboundFailed(ExchangeSftp sftp) {
        return exchange -> {
            Throwable cause = exchange.getException() != null ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            sftp.failed(exchange.getFromRouteId(), cause);
        };
    }

    @Bean
    CamelContextConfiguration feedRoutesFromConfiguration(ExchangeDatabase database, ExchangeSftp sftp,
                                                          FeedTransports transports, List<FeedHandler> handlers,
                                                          ExchangeLayout layout) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                database.ensureTables();
                // the SFTP inbox replaces the local one before either starts (InboundFeeds checks them at start)
                withoutLocalInboxes(context, transports);
                withWorkers(context, layout, handlers);
                sftp.feeds().keySet().stream().filter(feed -> handlers.stream().anyMatch(h -> h.feed().equals(feed)))
                        .forEach(feed -> TemplatedRouteBuilder.builder(context, "inbound-sftp")
                                .routeId(ExchangeSftp.routeId(feed))
                                .parameter("feed", feed)
                                .parameter("inbox", sftp.inbox(feed))
                                .parameter("errors", sftp.errors(feed))
                                .add());
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                for (String feed : database.feeds()) {
                    if (handlers.stream().noneMatch(h -> h.feed().equals(feed))) {
                        continue; // an outbound feed: its outbound route writes the table (FeedTransports checked it)
                    }
                    TemplatedRouteBuilder.builder(context, "inbound-table")
                            .routeId(feed + "-table")
                            .parameter("feed", feed)
                            .parameter("table", ExchangeDatabase.table(feed))
                            .add();
                }
            }
        };
    }

    /**
     * Gives the local inbox route of a feed with several workers a pool of them, between the consumer and the
     * steps every file takes: the consumer goes on handing files over while the workers apply them, each file in
     * its own transaction as before. The pool's queue is as short as the pool, and when both are full the consumer
     * applies a file itself: a poll's files (its claims) are never far ahead of the work, so a node taking its
     * share of a burst leaves the rest to the others (docs/intake.md "Workers"). Only for a feed whose files stand
     * alone; an SFTP inbox (one session, whose moves are not made for several threads) stays one file at a time.
     */
    static void withWorkers(CamelContext context, ExchangeLayout layout, List<FeedHandler> handlers) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteDefinition route : model.getRouteDefinitions()) {
            String feed = localInboxFeed(route);
            if (feed == null) {
                continue;
            }
            int workers = layout.workers(feed);
            if (workers == 1) {
                continue;
            }
            if (handlers.stream().noneMatch(h -> h.feed().equals(feed) && h.independentFiles())) {
                throw new IllegalStateException("hub.exchange.feeds." + feed + ".workers is " + workers + ", but the "
                        + "feed's files must be applied in the order they arrive (only a feed whose files stand "
                        + "alone, such as award-applications, may have more than one worker)");
            }
            List<ProcessorDefinition<?>> steps = route.getOutputs();
            if (!(steps.get(steps.size() - 1) instanceof ToDefinition handOver)
                    || !"direct:inbound".equals(handOver.getUri())) {
                throw new IllegalStateException("route " + route.getRouteId() + " must end handing its file to "
                        + "direct:inbound (routes/inbound-template.yaml)");
            }
            steps.add(steps.size() - 1, new ThreadsDefinition().poolSize(workers).maxPoolSize(workers)
                    .maxQueueSize(workers).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns)
                    .threadName("intake " + feed));
            log.info("feed {}: {} workers apply its files", feed, workers);
        }
    }

    /**
     * Takes out the local inbox routes (made from a template, consuming a {@code file:} folder) of the feeds whose
     * inbox is on an SFTP server: before the context starts, so they never poll.
     */
    private static void withoutLocalInboxes(CamelContext context, FeedTransports transports) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteDefinition route : List.copyOf(model.getRouteDefinitions())) {
            String feed = localInboxFeed(route);
            if (feed != null && transports.onSftp(feed)) {
                try {
                    model.removeRouteDefinition(route);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot take out the local inbox route of " + feed, e);
                }
                log.info("feed {}: inbox on SFTP; local inbox route {} not started", feed, route.getRouteId());
            }
        }
    }

    /** The feed of a local inbox route (made from a template, consuming a {@code file:} folder); null for others. */
    private static String localInboxFeed(RouteDefinition route) {
        Object feed = route.getTemplateParameters() == null ? null : route.getTemplateParameters().get("feed");
        return route.isCreatedFromTemplate() && feed != null && route.getInput().getEndpointUri().startsWith("file:")
                ? feed.toString() : null;
    }
}
