package cn.gov.sd.pilotzone.exchange;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.sql.SqlComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's side of exchange beyond folders: the SQL component {@code exsql} on the exchange database's pool (the
 * camel-sql starter is not used, so the component is registered here); one route per table feed of
 * {@code hub.exchange.db.feeds} from the template {@code inbound-table} (routes/exchange-tables.yaml) and one per
 * SFTP inbox of {@code hub.exchange.sftp} from {@code inbound-sftp} (routes/sftp-template.yaml). Feeds are
 * configuration, so their routes are made from it once the YAML templates are loaded.
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

    @Bean
    CamelContextConfiguration feedRoutesFromConfiguration(ExchangeDatabase database, ExchangeSftp sftp, List<FeedHandler> handlers) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                database.ensureTables();
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                sftp.feeds().keySet().stream().filter(feed -> handlers.stream().anyMatch(h -> h.feed().equals(feed)))
                        .forEach(feed -> TemplatedRouteBuilder.builder(context, "inbound-sftp")
                                .routeId(feed + "-sftp")
                                .parameter("feed", feed)
                                .parameter("inbox", sftp.inbox(feed))
                                .parameter("errors", sftp.errors(feed))
                                .add());
                for (String feed : database.feeds()) {
                    if (handlers.stream().noneMatch(h -> h.feed().equals(feed))) {
                        // outbound feeds are written by their outbound route; an inbound one without a handler
                        // (a feed not built yet) has its table ready but nothing to apply it
                        log.info("exchange database: no inbound handler for feed {}; table {} not read", feed,
                                ExchangeDatabase.table(feed));
                        continue;
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
}
