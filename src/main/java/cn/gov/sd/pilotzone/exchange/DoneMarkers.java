package cn.gov.sd.pilotzone.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import cn.gov.sd.pilotzone.exchange.ExchangeLayout.RouteHeaders;

import org.apache.camel.Exchange;
import org.apache.camel.Ordered;
import org.apache.camel.component.file.FileConstants;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes a file's {@code .done} marker once the file has left the local inbox (archived, rejected, or moved by
 * another hub node): the marker has served. Left behind, markers waited for the sweep's one-minute orphan rule,
 * and every poll and sweep of a busy inbox read each of them again: with a burst of 500 files a third of the intake
 * thread's CPU (README "Performance", eighth round). Only the marker seen when the file was taken is deleted: one
 * the sender has written since, for a new file of the same name, has another modification time and stays. A file
 * still in the inbox (to be taken again after a failure) keeps its marker.
 */
@Component("doneMarkers")
public class DoneMarkers {

    private static final Logger log = LoggerFactory.getLogger(DoneMarkers.class);

    private final ExchangeLayout layout;

    public DoneMarkers(ExchangeLayout layout) {
        this.layout = layout;
    }

    /** The local inbound route's step: remembers the file's marker, to be deleted when the file has gone. */
    public void deleteWhenTaken(Exchange exchange) {
        String feed = exchange.getMessage().getHeader(RouteHeaders.FEED, String.class);
        String file = exchange.getMessage().getHeader(FileConstants.FILE_ABSOLUTE_PATH, String.class);
        if (feed == null || file == null || !layout.doneMarker(feed)) {
            return;
        }
        Path taken = Path.of(file);
        Path marker = taken.resolveSibling(taken.getFileName() + ExchangeLayout.DONE_SUFFIX);
        FileTime seen = modified(marker);
        if (seen != null) {
            exchange.getExchangeExtension().addOnCompletion(new AfterMove(taken, marker, seen));
        }
    }

    /** Runs after the consumer has moved the file (last: the consumer's own completion has order 0). */
    private static final class AfterMove extends SynchronizationAdapter implements Ordered {
        private final Path taken;
        private final Path marker;
        private final FileTime seen;

        AfterMove(Path taken, Path marker, FileTime seen) {
            this.taken = taken;
            this.marker = marker;
            this.seen = seen;
        }

        @Override
        public void onDone(Exchange exchange) {
            if (Files.exists(taken, LinkOption.NOFOLLOW_LINKS) || !seen.equals(modified(marker))) {
                return;
            }
            try {
                Files.deleteIfExists(marker);
            } catch (IOException e) {
                // the sweep deletes it as an orphan later
                log.debug("marker {} not deleted: {}", marker, e.toString());
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST;
        }
    }

    private static FileTime modified(Path marker) {
        try {
            BasicFileAttributes a = Files.readAttributes(marker, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a.lastModifiedTime() : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log.debug("marker {} not read: {}", marker, e.toString());
            return null;
        }
    }
}
