package cn.gov.sd.pilotzone.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The inbound files being applied, per feed, and since when: for health, because a file applied on an intake
 * thread (routes/inbound-template.yaml, {@code direct:inbound-concurrent}) is in no poll, and its feed goes on
 * polling while it is stuck.
 */
@Component
public class FilesInWork {

    private final Clock clock;
    private final Map<String, Map<String, Instant>> files = new ConcurrentHashMap<>();

    public FilesInWork(Clock clock) {
        this.clock = clock;
    }

    /** A file of the feed was admitted: in work until {@link #done}. */
    void started(String feed, String claimKey) {
        files.computeIfAbsent(feed, f -> new ConcurrentHashMap<>()).put(claimKey, clock.instant());
    }

    /** The file was applied or rejected. */
    void done(String feed, String claimKey) {
        Map<String, Instant> ofFeed = files.get(feed);
        if (ofFeed != null && claimKey != null) {
            ofFeed.remove(claimKey);
        }
    }

    /** Since when the feed's longest-running file has been in work, if one is. */
    public Optional<Instant> oldest(String feed) {
        return files.getOrDefault(feed, Map.of()).values().stream().min(Instant::compareTo);
    }
}
