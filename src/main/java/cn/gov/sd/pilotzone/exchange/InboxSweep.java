package cn.gov.sd.pilotzone.exchange;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves what the hub refuses out of a feed's inbox into {@code error/<feed>/} with its reason, before a poll
 * ({@link FeedPolls}): a symbolic link (the link itself is moved; its target is never followed, opened or named),
 * a named pipe, device or socket (reading one blocks or never ends), and a file whose name the hub refuses (Camel
 * cannot take it: it reads {@code reports\..\x.json} as a path, and a name near 255 bytes leaves no room for its
 * lock marker). Links and pipes go whatever their name, also under a name the routes ignore ({@code x.done},
 * {@code .hidden}, {@code x.tmp}). Also deletes {@code .done} markers whose file has gone. A sub-folder is left
 * alone: the routes do not descend into folders.
 */
@Component
public class InboxSweep {

    private static final Logger log = LoggerFactory.getLogger(InboxSweep.class);
    /** A refused regular file may still be being written: moved once it has been left alone this long. */
    static final Duration SETTLE = Duration.ofSeconds(1);
    /** A marker left by a file that has been taken: deleted once the sender surely wrote its file first. */
    private static final Duration ORPHAN_MARKER = Duration.ofMinutes(1);

    private final ExchangeLayout layout;
    private final InboundFiles inbound;
    private final Clock clock;

    public InboxSweep(ExchangeLayout layout, InboundFiles inbound, Clock clock) {
        this.layout = layout;
        this.inbound = inbound;
        this.clock = clock;
    }

    /** Sweeps one feed's inbox; never throws, so that a poll always runs. */
    public void sweep(String feed) {
        Path inbox = layout.folder(ExchangeLayout.INBOX, feed);
        if (!Files.isDirectory(inbox, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                sweep(feed, entry);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("{}: inbox not swept: {}", feed, e.toString());
        }
    }

    private void sweep(String feed, Path entry) throws IOException {
        String name = entry.getFileName().toString();
        BasicFileAttributes file;
        try {
            file = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // taken a moment ago
        }
        Instant now = clock.instant();
        // a link or pipe goes to error/ whatever its name: under a marker's or temporary name it stayed for good
        if (layout.ignored(name) && !file.isSymbolicLink() && !file.isOther()) {
            if (name.endsWith(ExchangeLayout.DONE_SUFFIX) && file.isRegularFile()
                    && file.lastModifiedTime().toInstant().isBefore(now.minus(ORPHAN_MARKER))
                    && !Files.exists(entry.resolveSibling(name.substring(0, name.length()
                    - ExchangeLayout.DONE_SUFFIX.length())), LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(entry);
            }
            return;
        }
        Optional<Problem> problem = problem(name, file);
        if (problem.isEmpty()
                || file.isRegularFile() && file.lastModifiedTime().toInstant().isAfter(now.minus(SETTLE))) {
            return;
        }
        String stored = inbound.storedName(name);
        try {
            Path target = Files.createDirectories(layout.folder(ExchangeLayout.ERROR, feed)).resolve(stored);
            // a rename: a link is moved as a link, a pipe or device as what it is, and nothing is opened
            Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // another hub node moved it a moment earlier
        } catch (IOException e) {
            log.warn("{}: cannot move the refused file {} to error/: {}", feed, InboundNames.printable(name),
                    e.getMessage());
            return;
        }
        inbound.reject(feed, name, stored, new InvalidInputException(problem.get()));
    }

    /** Why the hub refuses this inbox entry, if it does. */
    static Optional<Problem> problem(String name, BasicFileAttributes file) {
        if (file.isSymbolicLink()) {
            return Optional.of(Problem.of(null, "file.symlink"));
        }
        if (file.isOther()) {
            return Optional.of(Problem.of(null, "file.special"));
        }
        if (file.isDirectory()) {
            return Optional.empty();
        }
        return InboundNames.problem(name);
    }
}
