package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.TableReader.Column;
import cn.gov.sd.pilotzone.exchange.TableReader.Row;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Follows docs/recipes.md "Add an inbound feed": the route file of step 1 (test resources, recipe/routes) and the
 * handler of step 2 (below), nothing else; a file dropped in its inbox is applied and archived, a bad one goes to
 * error/ with its reason.
 */
@SpringBootTest(properties = {
        "hub.data-dir=${java.io.tmpdir}/hub-it-recipe/${random.uuid}",
        "spring.datasource.url=jdbc:h2:mem:hub-recipe-${random.uuid};DB_CLOSE_DELAY=-1",
        "hub.exchange.poll-delay=200",
        "camel.main.routes-include-pattern=file:${hub.home}/routes/*.yaml,classpath:recipe/routes/*.yaml"})
class FeedRecipeIT {

    record Visit(String uscc, LocalDate visitedOn) {
    }

    /** Step 2 of the recipe: a plain bean that reads the rows and applies them. */
    static class SiteVisitFeed implements FeedHandler {

        static final List<Column> COLUMNS = List.of(new Column("uscc", "统一社会信用代码", true),
                new Column("visited_on", "走访日期", true));

        final List<Visit> applied = new CopyOnWriteArrayList<>();
        private final FeedCharsets charsets;

        SiteVisitFeed(FeedCharsets charsets) {
            this.charsets = charsets;
        }

        @Override
        public String feed() {
            return "site-visits";
        }

        @Override
        public FeedResult accept(String fileName, byte[] content) {
            List<Row> rows = TableReader.read(fileName, content, charsets.of(feed()), COLUMNS);
            List<Visit> visits = rows.stream().map(r -> new Visit(r.text("uscc", true), r.date("visited_on", true)))
                    .toList();
            List<Problem> problems = rows.stream().flatMap(r -> r.problems().stream())
                    .toList();
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            applied.addAll(visits);
            return FeedResult.all(visits.size());
        }
    }

    @TestConfiguration
    static class Recipe {
        @Bean
        SiteVisitFeed siteVisitFeed(FeedCharsets charsets) {
            return new SiteVisitFeed(charsets);
        }
    }

    @Autowired
    SiteVisitFeed feed;
    @Value("${hub.data-dir}")
    Path data;

    @Test
    void aFileDroppedInTheNewFeedsInboxIsAppliedAndArchived() throws Exception {
        drop("visits-1.csv", "统一社会信用代码,走访日期\n91370705MA3C5LTX2R,2025-03-04\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> !feed.applied.isEmpty());
        assertThat(feed.applied).containsExactly(new Visit("91370705MA3C5LTX2R", LocalDate.parse("2025-03-04")));
        await().atMost(Duration.ofSeconds(10)).until(() -> names(data.resolve("archive/site-visits")).stream()
                .anyMatch(n -> n.endsWith("_visits-1.csv")));
    }

    @Test
    void aBadFileGoesToErrorWithItsReason() throws Exception {
        drop("visits-bad.csv", "uscc,visited_on\n91370705MA3C5LTX2R,yesterday\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> names(data.resolve("error/site-visits")).stream()
                .anyMatch(n -> n.endsWith("_visits-bad.csv.error.txt")));
        Path report = data.resolve("error/site-visits").resolve(names(data.resolve("error/site-visits")).stream()
                .filter(n -> n.endsWith("_visits-bad.csv.error.txt")).findFirst().orElseThrow());
        assertThat(Files.readString(report)).contains("visited_on");
        assertThat(feed.applied).noneMatch(v -> v.visitedOn() == null);
    }

    private void drop(String name, String csv) throws Exception {
        Path inbox = Files.createDirectories(data.resolve("inbox/site-visits"));
        Path tmp = inbox.resolve("." + name);
        Files.writeString(tmp, csv, StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(name));
    }

    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
