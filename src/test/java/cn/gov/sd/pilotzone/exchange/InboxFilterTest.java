package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import cn.gov.sd.pilotzone.exchange.ExchangeLayout.FeedSettings;

import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which inbox files a poll may take: complete regular files only, and the filter moves nothing. */
class InboxFilterTest {

    static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    @TempDir
    Path data;

    InboxFilter filter;
    Path plain;
    Path marked;

    @BeforeEach
    void setUp() throws Exception {
        ExchangeLayout layout = new ExchangeLayout(data, Duration.ofSeconds(10), 3,
                Map.of("enterprises", new FeedSettings(true, null, null)));
        filter = new InboxFilter(layout, Clock.fixed(NOW, ZoneOffset.UTC));
        plain = Files.createDirectories(data.resolve("inbox/credit-records"));
        marked = Files.createDirectories(data.resolve("inbox/enterprises"));
    }

    private static Path file(Path dir, String name, Instant modified) throws Exception {
        Path p = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(p, FileTime.from(modified));
        return p;
    }

    @Test
    void aFileMovedAwayAfterTheFilterKeepsTheSizeAndTimeItWasTakenWith() throws Exception {
        Path file = file(plain, "settled.csv", NOW.minusSeconds(60));
        // as Camel's file consumer lists it: size and time read lazily, when the claim key first asks for them
        GenericFile<File> listed = FileConsumer.asGenericFile(plain.toString(), file.toFile(), "UTF-8", false);
        assertThat(filter.accept(listed)).isTrue();

        Files.delete(file); // the exchange that applied it moved it to archive/ meanwhile

        assertThat(listed.getFileLength()).as("size").isEqualTo(1);
        assertThat(listed.getLastModified()).as("time").isEqualTo(NOW.minusSeconds(60).toEpochMilli());
    }

    @Test
    void fileIsTakenOnlyOnceLeftUnchangedForTheQuietPeriod() throws Exception {
        assertThat(filter.ready(file(plain, "fresh.csv", NOW.minusSeconds(9)))).isFalse();
        assertThat(filter.ready(file(plain, "settled.csv", NOW.minusSeconds(10)))).isTrue();
    }

    @Test
    void feedWithMarkersTakesAFileOnlyWithAMarkerNoOlderThanIt() throws Exception {
        Path file = file(marked, "list.csv", NOW.minusSeconds(1));
        assertThat(filter.ready(file)).as("no marker yet").isFalse();

        Path marker = file(marked, "list.csv.done", NOW.minusSeconds(5));
        assertThat(filter.ready(file)).as("the marker of an earlier file").isFalse();

        Files.setLastModifiedTime(marker, FileTime.from(NOW));
        assertThat(filter.ready(file)).as("marked: no quiet period").isTrue();
        assertThat(filter.ready(marker)).as("a marker is never taken").isFalse();
    }

    @Test
    void linksPipesAndFoldersAreNeverTakenAndStayWhereTheyAre() throws Exception {
        Path target = file(data, "target.csv", NOW.minusSeconds(60));
        Path link = Files.createSymbolicLink(plain.resolve("link.csv"), target);
        Path folder = Files.createDirectories(plain.resolve("folder.csv"));
        Path fifo = plain.resolve("pipe.csv");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();

        assertThat(filter.ready(link)).isFalse();
        assertThat(filter.ready(folder)).isFalse();
        assertThat(filter.ready(fifo)).isFalse();
        assertThat(link).exists();
        assertThat(fifo).exists();
    }

    @Test
    void hiddenPartialAndRefusedNamesAreNeverTaken() throws Exception {
        assertThat(filter.ready(file(plain, ".list.csv.part", NOW.minusSeconds(60)))).isFalse();
        assertThat(filter.ready(file(plain, "list.tmp", NOW.minusSeconds(60)))).isFalse();
        assertThat(filter.ready(file(plain, "a\\..\\b.csv", NOW.minusSeconds(60)))).isFalse();
        assertThat(plain.resolve("a\\..\\b.csv")).as("moved by the sweep, not the filter").exists();
    }

    @Test
    void markersAndRefusedNamesAreDecidedByTheNameAloneOthersByTheFile() {
        assertThat(filter.accept("list.csv.done")).isFalse();
        assertThat(filter.accept(".list.csv.part")).isFalse();
        assertThat(filter.accept("a\\..\\b.csv")).isFalse();
        assertThat(filter.accept("list.csv")).as("whether it is complete needs the file").isNull();
    }
}
