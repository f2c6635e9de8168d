package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.exchange.ExchangeLayout.FeedSettings;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ThreadsDefinition;
import org.apache.camel.model.ToDefinition;
import org.junit.jupiter.api.Test;

/** Which local inboxes get workers, on a context with a template shaped as routes/inbound-template.yaml. */
class ExchangeRoutesTest {

    private static final ExchangeLayout LAYOUT = new ExchangeLayout(Path.of("target"), Duration.ofSeconds(10), 3,
            Map.of("award-applications", new FeedSettings(null, null, 3),
                    "enterprises", new FeedSettings(null, null, 2)));

    private static FeedHandler handler(String feed, boolean independent) {
        return new FeedHandler() {
            @Override
            public String feed() {
                return feed;
            }

            @Override
            public boolean independentFiles() {
                return independent;
            }

            @Override
            public FeedResult accept(String fileName, byte[] content) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static CamelContext inboxes(String... feeds) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate("inbound-file").templateParameter("feed")
                        .from("file:target/inbox/{{feed}}").setHeader("hubFeed", constant("{{feed}}"))
                        .to("direct:inbound");
            }
        });
        for (String feed : feeds) {
            TemplatedRouteBuilder.builder(context, "inbound-file").routeId(feed).parameter("feed", feed).add();
        }
        return context;
    }

    private static List<ProcessorDefinition<?>> steps(CamelContext context, String route) {
        return context.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition(route).getOutputs();
    }

    @Test
    void aFeedWithWorkersGetsAPoolRightBeforeItsFilesAreHandedOver() throws Exception {
        try (CamelContext context = inboxes("award-applications", "credit-records")) {
            ExchangeRoutes.withWorkers(context, LAYOUT, List.of(handler("award-applications", true),
                    handler("credit-records", false)));
            List<ProcessorDefinition<?>> steps = steps(context, "award-applications");
            assertThat(steps).hasSize(3);
            assertThat(steps.get(1)).isInstanceOfSatisfying(ThreadsDefinition.class, t -> {
                assertThat(t.getPoolSize()).isEqualTo("3");
                assertThat(t.getMaxQueueSize()).isEqualTo("3");
                assertThat(t.getRejectedPolicy()).isEqualTo("CallerRuns");
            });
            assertThat(steps.get(2)).isInstanceOf(ToDefinition.class);
            assertThat(steps(context, "credit-records")).as("no workers set: one file at a time").hasSize(2);
        }
    }

    @Test
    void workersForAFeedWhoseFilesMustKeepTheirOrderStopTheStart() throws Exception {
        try (CamelContext context = inboxes("enterprises")) {
            assertThatThrownBy(() -> ExchangeRoutes.withWorkers(context, LAYOUT, List.of(handler("enterprises", false))))
                    .hasMessageContaining("hub.exchange.feeds.enterprises.workers is 2")
                    .hasMessageContaining("in the order they arrive");
        }
    }
}
