package cn.gov.sd.pilotzone.exchange;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The inbound file consumers' filter: a file whose name the hub refuses ({@link InboundNames}) is moved straight to
 * {@code error/<feed>/} with its reason, without going through the route. Camel cannot take such a file itself: on
 * Linux it reads {@code reports\..\x.json} as a path into other folders, and a name near 255 bytes leaves no room for
 * its read lock's marker file — either way the file would stay in the inbox and fail again at every poll.
 * A file modified in the last second may still be written and waits for a later poll, like the read lock does.
 */
@Component("inboundNameFilter")
public class InboundNameFilter implements GenericFileFilter<File> {

    private static final Logger log = LoggerFactory.getLogger(InboundNameFilter.class);
    private static final long SETTLE_MILLIS = 1000;

    private final InboundFiles inbound;
    private final Path dataDir;
    private final Clock clock;

    public InboundNameFilter(InboundFiles inbound, @Value("${hub.data-dir}") String dataDir, Clock clock) {
        this.inbound = inbound;
        this.dataDir = Path.of(dataDir);
        this.clock = clock;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        File f = file.getFile();
        if (file.isDirectory() || f == null) {
            return true;
        }
        String name = f.getName();
        Optional<Problem> problem = InboundNames.problem(name);
        if (problem.isEmpty()) {
            return true;
        }
        if (f.lastModified() > clock.millis() - SETTLE_MILLIS) {
            return false;
        }
        String feed = f.getParentFile().getName();
        String stored = inbound.storedName(name);
        try {
            Path target = Files.createDirectories(dataDir.resolve("error").resolve(feed)).resolve(stored);
            Files.move(f.toPath(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false; // another hub node took it a moment earlier
        } catch (IOException e) {
            log.warn("{}: cannot move the refused file {} to error/: {}", feed, InboundNames.printable(name),
                    e.getMessage());
            return false;
        }
        inbound.reject(feed, name, stored, new InvalidInputException(problem.get()));
        return false;
    }
}
