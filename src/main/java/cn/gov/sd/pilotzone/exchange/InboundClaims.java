package cn.gov.sd.pilotzone.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.gov.sd.pilotzone.common.Utc;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which hub node processes which inbound file (bean {@code inboundClaims}, the file consumers' idempotent
 * repository). The key is {@code <feed>/<name>-<size>-<modified>}, so a re-sent file with new content is a new
 * file. A file is processed once across nodes and survives a crash:
 * <ul>
 * <li>{@link #add}: a node claims the file with a row ({@code CLAIMED}); a second node sees the row and skips the
 * file, unless the row's node has stopped beating ({@link HubNode}): then it takes the claim over and counts one
 * more attempt ({@link #attempts}: a file that killed its node is quarantined after a few);</li>
 * <li>a node's own claim of a file it is not processing (Camel asks only for those) is a leftover: taken again;</li>
 * <li>{@link #markApplied}: in the same transaction as the file's effect, so a node killed after its commit leaves
 * an {@code APPLIED} claim, and whoever takes it over only archives the file ({@link #isApplied});</li>
 * <li>{@link #remove}: a rejected file (moved to {@code error/}) or one whose read lock failed gives its claim up.</li>
 * </ul>
 * A feed with several workers ({@link ExchangeLayout#workers}) is polled while its files are applied: a poll may
 * list a file just before a worker moves it and look at it just after, when it is no longer in progress. Its key
 * was settled a moment before ({@link #confirm} or {@link #remove}, both called before the move), so for a short
 * while {@link #add} refuses it: otherwise its own claim would look like a leftover and the vanished file be taken
 * again.
 * Rows stay after success: they are the record that the file was taken.
 */
@Component("inboundClaims")
public class InboundClaims extends ServiceSupport implements IdempotentRepository {

    private static final Logger log = LoggerFactory.getLogger(InboundClaims.class);

    /** The file was claimed by another node while this one was processing it (it was taken for dead). */
    public static class ClaimLostException extends RuntimeException {
        ClaimLostException(String key) {
            super("claim of " + key + " was taken over by another hub node");
        }
    }

    private final JdbcTemplate jdbc;
    private final HubNode node;
    private final Clock clock;
    /**
     * Keys whose claim {@link #add} took again, with their attempts: the only ones {@link #isApplied} must look up
     * and whose attempts exceed one.
     */
    private final Map<String, Integer> retaken = new ConcurrentHashMap<>();
    /** Keys of a feed with several workers this node settled lately, with when: see the class comment. */
    private final Map<String, Instant> settled = new ConcurrentHashMap<>();
    private final ExchangeLayout layout;

    public InboundClaims(JdbcTemplate jdbc, HubNode node, Clock clock, ExchangeLayout layout) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
        this.layout = layout;
    }

    /**
     * Long enough for a poll to get from listing the inbox to looking at each file (a file system's listing and
     * the filter, not the work), short enough that a file whose move failed is soon taken again and archived.
     */
    static final Duration SETTLED = Duration.ofSeconds(30);

    @Override
    public boolean add(String key) {
        if (settledLately(key)) {
            return false;
        }
        String id = id(key);
        try {
            jdbc.update("INSERT INTO inbound_claim (claim_id, feed, file_key, node_id, state, claimed_at) "
                    + "VALUES (?,?,?,?,'CLAIMED',?)", id, feed(key), key, node.id(), Utc.of(clock.instant()));
            return true;
        } catch (DuplicateKeyException e) {
            // Camel asks only for files this node is not processing, so a claim of its own is a leftover (a read
            // lock that timed out, a release that failed): taken again. The row lock makes a take-over atomic: of
            // two nodes taking over at once, the second sees a live holder.
            int taken = jdbc.update("UPDATE inbound_claim SET node_id = ?, claimed_at = ?, attempts = attempts + 1 "
                            + "WHERE claim_id = ? AND "
                            + "(node_id = ? OR node_id NOT IN (SELECT node_id FROM hub_node WHERE heartbeat_at > ?))",
                    node.id(), Utc.of(clock.instant()), id, node.id(), Utc.of(node.aliveSince()));
            if (taken == 1) {
                Integer attempts = jdbc.queryForObject("SELECT attempts FROM inbound_claim WHERE claim_id = ?",
                        Integer.class, id);
                log.info("{}: claim taken again (its node stopped, or this node left it), attempt {}", key, attempts);
                retaken.put(key, attempts == null ? 1 : attempts);
            }
            return taken == 1;
        }
    }

    @Override
    public boolean contains(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM inbound_claim WHERE claim_id = ?",
                Boolean.class, id(key)));
    }

    /**
     * Whether the file was applied already: by a node that stopped before moving it, or as an identical copy. Only
     * a claim taken again can be applied; a claim this node just made is not, and costs no query.
     */
    public boolean isApplied(String key) {
        if (retaken.remove(key) == null) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM inbound_claim WHERE claim_id = ? AND state = 'APPLIED'", Boolean.class, id(key)));
    }

    /**
     * The file's transaction failed for want of the database, perhaps after the server had committed it (a
     * connection lost during the commit): its next attempt asks {@link #isApplied} rather than apply it again and
     * meet its own effect (an application filed twice would be rejected as already known, its file sent to error/
     * although it was applied).
     */
    public void outcomeUnknown(String key) {
        retaken.putIfAbsent(key, 1);
    }

    /** How many times the file was taken, this time included (1 unless its claim was taken over). */
    public int attempts(String key) {
        return retaken.getOrDefault(key, 1);
    }

    /**
     * Records that this node applied the file; to be called in the transaction that applies it. Throws
     * {@link ClaimLostException} (rolling the file's effect back) when another node holds the claim now. A file
     * whose key changed between the scan and the read lock (it was still growing) has no claim yet: it gets one.
     */
    public void markApplied(String key) {
        String id = id(key);
        int updated = jdbc.update("UPDATE inbound_claim SET state = 'APPLIED', applied_at = ? WHERE claim_id = ? "
                + "AND node_id = ? AND state = 'CLAIMED'", Utc.of(clock.instant()), id, node.id());
        if (updated == 1) {
            return;
        }
        try {
            jdbc.update("INSERT INTO inbound_claim (claim_id, feed, file_key, node_id, state, claimed_at, applied_at) "
                            + "VALUES (?,?,?,?,'APPLIED',?,?)", id, feed(key), key, node.id(),
                    Utc.of(clock.instant()), Utc.of(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ClaimLostException(key);
        }
    }

    /**
     * Gives up this node's claim of a file that was not applied. Never throws: Camel calls it before moving a
     * rejected file to error/, and a failure here (database gone) must not keep the file in the inbox.
     */
    @Override
    public boolean remove(String key) {
        settle(key);
        retaken.remove(key);
        try {
            return jdbc.update("DELETE FROM inbound_claim WHERE claim_id = ? AND node_id = ? AND state = 'CLAIMED'",
                    id(key), node.id()) == 1;
        } catch (RuntimeException e) {
            log.warn("{}: claim not released ({}); it is taken over once this node stops", key, e.getMessage());
            return false;
        }
    }

    /**
     * The applied state is written with the file's effect ({@link #markApplied}), not after the file moved; Camel
     * confirms a file it is about to move.
     */
    @Override
    public boolean confirm(String key) {
        settle(key);
        return true;
    }

    private void settle(String key) {
        if (layout.workers(feed(key)) > 1) {
            Instant now = clock.instant();
            settled.values().removeIf(at -> at.isBefore(now.minus(SETTLED)));
            settled.put(key, now);
        }
    }

    private boolean settledLately(String key) {
        Instant at = settled.get(key);
        return at != null && !at.isBefore(clock.instant().minus(SETTLED));
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("inbound claims are the record of processed files");
    }

    static String id(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String feed(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }
}
