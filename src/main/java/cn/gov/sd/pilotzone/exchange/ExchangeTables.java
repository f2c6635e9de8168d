package cn.gov.sd.pilotzone.exchange;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Feed health of the exchange tables for the dashboard (bean {@code exchangeTables}): per table feed the rows the
 * sender left NEW (waiting), DONE and ERROR in the exchange database, and the last batch the hub applied.
 */
@Component("exchangeTables")
public class ExchangeTables {

    /** {@code reachable} false: the exchange database did not answer, the counts are unknown (-1). */
    public record TableHealth(String feed, String table, boolean reachable, long waiting, long done, long error,
                              String lastBatch, Instant lastAt, Integer lastRows, Integer lastErrors) {
    }

    private final ExchangeDatabase database;
    private final JdbcTemplate hub;
    private final List<String> inbound;

    public ExchangeTables(ExchangeDatabase database, JdbcTemplate hub, List<FeedHandler> handlers) {
        this.database = database;
        this.hub = hub;
        this.inbound = handlers.stream().map(FeedHandler::feed).toList();
    }

    public List<TableHealth> health() {
        List<TableHealth> tables = new ArrayList<>();
        if (!database.enabled()) {
            return tables;
        }
        JdbcTemplate ex = new JdbcTemplate(database.dataSource());
        for (String feed : database.feeds()) {
            if (!inbound.contains(feed)) {
                continue;
            }
            String table = ExchangeDatabase.table(feed);
            long[] counts = {-1, -1, -1};
            boolean reachable = true;
            try {
                ex.query("SELECT ex_status, COUNT(*) FROM " + table + " GROUP BY ex_status", rs -> {
                    int slot = switch (rs.getString(1)) {
                        case "NEW" -> 0;
                        case "DONE" -> 1;
                        case "ERROR" -> 2;
                        default -> -1;
                    };
                    if (slot >= 0) {
                        counts[slot] = rs.getLong(2);
                    }
                });
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = Math.max(0, counts[i]);
                }
            } catch (DataAccessException e) {
                reachable = false;
            }
            TableHealth last = hub.query("SELECT ex_batch, applied_at, rows_total, rows_error FROM exchange_batch "
                            + "WHERE feed = ? ORDER BY applied_at DESC LIMIT 1",
                    (rs, i) -> new TableHealth(feed, table, true, 0, 0, 0, rs.getString(1),
                            Utc.instant(rs.getObject(2, LocalDateTime.class)), rs.getInt(3), rs.getInt(4)), feed)
                    .stream().findFirst().orElse(null);
            tables.add(new TableHealth(feed, table, reachable, counts[0], counts[1], counts[2],
                    last == null ? null : last.lastBatch(), last == null ? null : last.lastAt(),
                    last == null ? null : last.lastRows(), last == null ? null : last.lastErrors()));
        }
        return tables;
    }
}
