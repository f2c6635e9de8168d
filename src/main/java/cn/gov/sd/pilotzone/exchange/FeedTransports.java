package cn.gov.sd.pilotzone.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Which transport carries each feed, from {@code config/} (docs/exchange.md "Transports"). A feed's files come and
 * go through exactly one place: its local folder, or a folder on an SFTP server where
 * {@code hub.exchange.sftp.<feed>} is configured, never both (a second, unwatched door would hold files nobody takes).
 * A feed listed in {@code hub.exchange.db.feeds} also runs on its exchange table, beside its files, as the exchange
 * contract allows. The hub does not start while a configured feed is none it knows (a typo would leave the real feed
 * on its folder without a word), or is on the exchange database while it has no table there.
 */
@Component("feedTransports")
public class FeedTransports {

    /** Where a feed's files or rows are exchanged. */
    public enum Transport { FOLDER, SFTP, DATABASE }

    private final Set<String> sftp;
    private final Set<String> database;

    public FeedTransports(ExchangeSftp sftp, ExchangeDatabase database, List<FeedHandler> handlers,
                          OutboundFormats outbound) {
        this.sftp = sftp.feeds().keySet();
        this.database = database.feeds();
        check(handlers.stream().map(FeedHandler::feed).collect(Collectors.toSet()),
                outbound.outbound().keySet(), this.sftp, this.database, database.tables());
    }

    /** Whether the feed's files are on an SFTP server (its local folder is then not used at all). */
    public boolean onSftp(String feed) {
        return sftp.contains(feed);
    }

    /** The feed's transports: its files' (FOLDER or SFTP, exactly one), then DATABASE where it also has a table. */
    public List<Transport> of(String feed) {
        List<Transport> transports = new ArrayList<>();
        transports.add(onSftp(feed) ? Transport.SFTP : Transport.FOLDER);
        if (database.contains(feed)) {
            transports.add(Transport.DATABASE);
        }
        return transports;
    }

    /**
     * Fails naming each configured feed the hub cannot carry: not an inbound feed (a {@link FeedHandler}) nor an
     * outbound one ({@code hub.exchange.outbound}), or on the exchange database without a table in its script.
     * {@code tables} empty: the script is not readable here (a DBA made the tables), the tables are not checked.
     */
    static void check(Set<String> inbound, Set<String> outbound, Set<String> sftp, Set<String> database,
                      Set<String> tables) {
        List<String> problems = new ArrayList<>();
        Set<String> known = new TreeSet<>(inbound);
        known.addAll(outbound);
        for (String feed : new TreeSet<>(sftp)) {
            if (!known.contains(feed)) {
                problems.add("hub.exchange.sftp." + feed + ": no feed " + feed + " (feeds: " + known + ")");
            }
        }
        for (String feed : new TreeSet<>(database)) {
            if (!known.contains(feed)) {
                problems.add("hub.exchange.db.feeds: no feed " + feed + " (feeds: " + known + ")");
            } else if (!tables.isEmpty() && !tables.contains(ExchangeDatabase.table(feed))) {
                problems.add("hub.exchange.db.feeds: feed " + feed + " has no exchange table "
                        + ExchangeDatabase.table(feed) + " (config/exchange-tables.sql); it runs on files only");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("exchange transports: " + String.join("; ", problems));
        }
    }
}
