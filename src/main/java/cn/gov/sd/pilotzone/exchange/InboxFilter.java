package cn.gov.sd.pilotzone.exchange;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.OptimizedFileFilter;
import org.springframework.stereotype.Component;

/**
 * The inbound file consumers' filter (bean {@code inboxFilter}): which inbox files a poll may take. Only a regular
 * file, not a link (never followed), pipe or device; with a name the hub accepts ({@link InboundNames}) and does
 * not ignore ({@link ExchangeLayout#ignored}); and a complete one: announced by its {@code .done} marker where the
 * feed asks for markers, else left unchanged for the feed's quiet period, so a sender that writes under the final
 * name and pauses is not read half-way. It only decides: {@link InboxSweep} moves the files the hub refuses.
 */
@Component("inboxFilter")
public class InboxFilter implements OptimizedFileFilter {

    private final ExchangeLayout layout;
    private final Clock clock;

    public InboxFilter(ExchangeLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    /**
     * By the name alone, before Camel reads anything of the entry: a marker, a temporary or refused name is never
     * taken. In a busy inbox half the entries are markers, and Camel otherwise reads each one's attributes first.
     */
    @Override
    public Boolean accept(String name) {
        return refusedName(name) ? Boolean.FALSE : null;
    }

    /**
     * Also pins the file's size and time to those checked here. Camel reads them lazily, when it first needs them:
     * for the claim key, after this filter. A poll that listed a file just before the exchange applying it moved it
     * away would otherwise read the vanished file as 0 bytes of 1970, a new key that no claim holds, and take the
     * file a second time, only to fail reading it and report a rejection of a file that was applied (seen once in
     * 6,500 files of a benchmark burst). With the size and time checked here, the key is the applied file's, which
     * {@link InboundClaims} refuses.
     */
    @Override
    public boolean accept(GenericFile file) {
        if (!(file.getFile() instanceof File f) || file.isDirectory()) {
            return false;
        }
        BasicFileAttributes ready = readyAttributes(f.toPath());
        if (ready == null) {
            return false;
        }
        file.setFileLength(ready.size());
        file.setLastModified(ready.lastModifiedTime().toMillis());
        return true;
    }

    /** Whether the file at this inbox path may be taken now. */
    public boolean ready(Path path) {
        return readyAttributes(path) != null;
    }

    /** The attributes of the file at this inbox path if it may be taken now, else null. */
    private BasicFileAttributes readyAttributes(Path path) {
        String name = path.getFileName().toString();
        if (refusedName(name)) {
            return null;
        }
        BasicFileAttributes file = attributes(path);
        if (file == null || !file.isRegularFile()) {
            return null;
        }
        Instant modified = file.lastModifiedTime().toInstant();
        String feed = path.getParent().getFileName().toString();
        boolean complete;
        if (layout.doneMarker(feed)) {
            // a marker older than the file belongs to an earlier file of the same name
            BasicFileAttributes marker = attributes(path.resolveSibling(name + ExchangeLayout.DONE_SUFFIX));
            complete = marker != null && marker.isRegularFile()
                    && !marker.lastModifiedTime().toInstant().isBefore(modified);
        } else {
            complete = !modified.isAfter(clock.instant().minus(layout.quietPeriod(feed)));
        }
        return complete ? file : null;
    }

    private boolean refusedName(String name) {
        return layout.ignored(name) || InboundNames.problem(name).isPresent();
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // gone (another node took it) or unreadable: not now
        }
    }
}
