package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.exchange.ExchangeLayout.FeedSettings;
import cn.gov.sd.pilotzone.exchange.ExchangeLayout.RouteHeaders;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.component.file.FileConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A taken file's marker goes once the file has left the inbox, and only the marker that announced it. */
class DoneMarkersTest {

    @TempDir
    Path data;

    DoneMarkers markers;
    Path inbox;
    Path file;
    Path marker;

    @BeforeEach
    void setUp() throws Exception {
        markers = new DoneMarkers(new ExchangeLayout(data, Duration.ofSeconds(10), 3,
                Map.of("enterprises", new FeedSettings(true, null, null))));
        inbox = Files.createDirectories(data.resolve("inbox/enterprises"));
        file = Files.writeString(inbox.resolve("list.csv"), "x");
        marker = Files.createFile(inbox.resolve("list.csv.done"));
        Files.setLastModifiedTime(marker, FileTime.from(Instant.parse("2025-03-01T08:00:00Z")));
    }

    /** The route's step, then the end of the exchange (after the consumer moved the file or left it). */
    private void take(String feed, Runnable meanwhile) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(RouteHeaders.FEED, feed);
        exchange.getMessage().setHeader(FileConstants.FILE_ABSOLUTE_PATH, file.toString());
        markers.deleteWhenTaken(exchange);
        meanwhile.run();
        List<Synchronization> completions = exchange.getExchangeExtension().handoverCompletions();
        if (completions != null) {
            completions.forEach(s -> s.onComplete(exchange));
        }
    }

    private void archive() {
        try {
            Files.move(file, Files.createDirectories(data.resolve("archive/enterprises")).resolve("list.csv"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMarkerIsDeletedOnceItsFileHasLeftTheInbox() {
        take("enterprises", this::archive);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aFileLeftInTheInboxToBeTakenAgainKeepsItsMarker() {
        take("enterprises", () -> { });
        assertThat(marker).exists();
    }

    @Test
    void aMarkerWrittenAgainSinceTheFileWasTakenStays() {
        take("enterprises", () -> {
            archive();
            try {
                // the sender's next file of the same name, announced while the first was being taken
                Files.setLastModifiedTime(marker, FileTime.from(Instant.parse("2025-03-01T08:00:05Z")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(marker).exists();
    }

    @Test
    void aFeedWithoutMarkersIsLeftAlone() throws Exception {
        Path plain = Files.createDirectories(data.resolve("inbox/credit-records"));
        file = Files.writeString(plain.resolve("list.csv"), "x");
        Path lookalike = Files.createFile(plain.resolve("list.csv.done"));
        take("credit-records", () -> {
            try {
                Files.delete(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(lookalike).exists();
    }
}
