package cn.gov.sd.pilotzone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The hub as it runs, on a random port, with an in-memory H2 database, its own data directory and short periods,
 * so processes, timers and routes run in seconds. Tests with the same annotation share one application context:
 * make data unique per test (application ids, enterprises) rather than resetting the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.data-dir=${java.io.tmpdir}/hub-it/${random.uuid}",
        "spring.datasource.url=jdbc:h2:mem:hub-it-${random.uuid};DB_CLOSE_DELAY=-1", // one database per context: a second context must never share the first one's outbox
        "hub.demo.enabled=true",
        "hub.exchange.poll-delay=200",
        // files reprocessed from error/ are new: a short quiet period; progress-reports keeps a long one for the
        // half-written file test (exchange/HalfWrittenFilesIT)
        "hub.exchange.quiet-period=PT2S",
        "hub.exchange.feeds.progress-reports.quiet-period=PT7S",
        "hub.exchange.db.url=jdbc:h2:mem:hub-ex-${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "hub.exchange.db.quiet-period=PT1S",
        "hub.dashboard.max-age=PT0S", // tests read the dashboard right after changing what it counts
        "hub.exchange.payment-batch-interval=PT1S",
        "hub.exchange.outbound-interval=PT1S",
        "hub.award.correction-period=PT3S",
        "hub.award.public-notice-period=PT2S",
        "flowable.process.async.executor.default-timer-job-acquire-wait-time=PT0.25S",
        "flowable.process.async.executor.default-async-job-acquire-wait-time=PT0.25S"})
public @interface HubIntegrationTest {
}
