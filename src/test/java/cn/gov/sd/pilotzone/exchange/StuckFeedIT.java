package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A feed whose consumer is stuck in one file (a handler that does not return) is DOWN in {@code /actuator/health}
 * and on the dashboard once one poll has run longer than {@code hub.exchange.poll-timeout} (2 s here), and UP again
 * when the file is done. The feed is the recipe's (test resources, recipe/routes) with a handler that waits on a
 * latch for files that ask it to. The feed announces its files with {@code .done} markers, which go once their file
 * has left the inbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.data-dir=${java.io.tmpdir}/hub-it-stuck/${random.uuid}",
        "spring.datasource.url=jdbc:h2:mem:hub-stuck-${random.uuid};DB_CLOSE_DELAY=-1",
        // the exchange database's table feeds are part of the hub's health too: one of this context's own
        "hub.exchange.db.url=jdbc:h2:mem:hub-stuck-ex-${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "hub.demo.enabled=true",
        "hub.exchange.poll-delay=200",
        "hub.exchange.quiet-period=PT1S",
        "hub.exchange.poll-timeout=PT2S",
        "hub.exchange.feeds." + StuckFeedIT.FEED + ".done-marker=true",
        "hub.dashboard.max-age=PT0S",
        "camel.main.routes-include-pattern=file:${hub.home}/routes/*.yaml,classpath:recipe/routes/*.yaml"})
class StuckFeedIT {

    static final String FEED = "site-visits";

    /** Takes every file; one whose content is "block" holds its poll until the test releases it. */
    static class BlockingFeed implements FeedHandler {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String feed() {
            return FEED;
        }

        /** Its files stand alone, so StuckFeedWorkersIT may give it workers. */
        @Override
        public boolean independentFiles() {
            return true;
        }

        @Override
        public FeedResult accept(String fileName, byte[] content) {
            if ("block".equals(new String(content, StandardCharsets.UTF_8).trim())) {
                entered.countDown();
                try {
                    release.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return FeedResult.all(0);
        }
    }

    @TestConfiguration
    static class Blocking {
        @Bean
        BlockingFeed blockingFeed() {
            return new BlockingFeed();
        }
    }

    @Autowired
    BlockingFeed feed;
    @Autowired
    TestRestTemplate rest;
    @Value("${hub.data-dir}")
    Path data;

    @Test
    void aFeedStuckInOneFileIsDownInHealthAndOnTheDashboardUntilTheFileIsDone() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> feedHealth().contains("\"" + FEED + "\":{\"status\":\"UP\""));

        Path inbox = Files.createDirectories(data.resolve("inbox").resolve(FEED));
        Files.writeString(inbox.resolve(".stuck.csv"), "block\n");
        Files.move(inbox.resolve(".stuck.csv"), inbox.resolve("stuck.csv"));
        Path marker = Files.createFile(inbox.resolve("stuck.csv" + ExchangeLayout.DONE_SUFFIX));
        try {
            assertThat(feed.entered.await(60, TimeUnit.SECONDS)).as("the handler took the file").isTrue();
            assertThat(marker).as("a file in work keeps its marker").exists();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> feedHealth().contains("\"" + FEED + "\":{\"status\":\"DOWN\""));
            assertThat(feedHealth()).contains(stuckReason());
            assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(503);
            assertThat(consumerDown()).contains(stuckReason());
        } finally {
            feed.release.countDown(); // the latch is the class's one blocked file: released whatever happened
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> feedHealth().contains("\"" + FEED + "\":{\"status\":\"UP\""));
        assertThat(consumerDown()).isNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(marker)); // an orphan only after a minute
        await().atMost(Duration.ofSeconds(60)).until(() -> rest.getForEntity("/actuator/health", String.class)
                .getStatusCode().value() == 200);
    }

    @Test
    void aFileIsTakenOnlyOnceItsMarkerIsThereAndItsMarkerGoesWithIt() throws Exception {
        Path inbox = Files.createDirectories(data.resolve("inbox").resolve(FEED));
        Path file = Files.writeString(inbox.resolve("visits.csv"), "ok\n");
        Thread.sleep(1500); // several polls (and more than the quiet period of a feed without markers)
        assertThat(file).as("not announced yet").exists();

        Path marker = Files.createFile(inbox.resolve("visits.csv" + ExchangeLayout.DONE_SUFFIX));
        await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(file));
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(marker)); // an orphan only after a minute
        try (Stream<Path> archived = Files.list(data.resolve("archive").resolve(FEED))) {
            assertThat(archived.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("_visits.csv"))
                    .noneMatch(n -> n.endsWith(ExchangeLayout.DONE_SUFFIX));
        }
    }

    /** Why the feed is DOWN: one file at a time, its poll is what is stuck. */
    String stuckReason() {
        return "one poll has run for more than PT2S";
    }

    /** Health details are for administrators only. */
    private String feedHealth() {
        return rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health/feeds", String.class).getBody();
    }

    /** The dashboard's reason why the feed's consumer is DOWN; null while it runs. */
    @SuppressWarnings("unchecked")
    private String consumerDown() {
        ResponseEntity<Map<String, Object>> dashboard = rest.withBasicAuth("admin", "demo").exchange("/api/dashboard",
                HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(dashboard.getStatusCode().value()).isEqualTo(200);
        return ((List<Map<String, Object>>) dashboard.getBody().get("feeds")).stream()
                .filter(f -> FEED.equals(f.get("feed"))).findFirst().orElseThrow().get("consumerDown") instanceof String s
                ? s : null;
    }
}
