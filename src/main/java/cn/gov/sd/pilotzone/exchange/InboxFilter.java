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

    @Override
    public boolean accept(GenericFile file) {
        return file.getFile() instanceof File f && !file.isDirectory() && ready(f.toPath());
    }

    /** Whether the file at this inbox path may be taken now. */
    public boolean ready(Path path) {
        String name = path.getFileName().toString();
        if (refusedName(name)) {
            return false;
        }
        BasicFileAttributes file = attributes(path);
        if (file == null || !file.isRegularFile()) {
            return false;
        }
        Instant modified = file.lastModifiedTime().toInstant();
        String feed = path.getParent().getFileName().toString();
        if (layout.doneMarker(feed)) {
            // a marker older than the file belongs to an earlier file of the same name
            BasicFileAttributes marker = attributes(path.resolveSibling(name + ExchangeLayout.DONE_SUFFIX));
            return marker != null && marker.isRegularFile() && !marker.lastModifiedTime().toInstant().isBefore(modified);
        }
        return !modified.isAfter(clock.instant().minus(layout.quietPeriod(feed)));
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
