package cn.gov.sd.pilotzone.exchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.stereotype.Component;

/**
 * Outbound feeds on the exchange database (bean {@code exchangeOutbound}, routes/outbound-template.yaml): the rows
 * of a delivery as the columns of the feed's exchange table. The outbound route writes them after the batch's files
 * and before the batch is marked written; a batch written again after a crash inserts only the rows that are not
 * there yet (each payment_id / application_id in exactly one row, a unique key besides).
 */
@Component("exchangeOutbound")
public class ExchangeOutbound {

    private final ExchangeDatabase database;
    private final Outbox outbox;
    private final Clock clock;

    public ExchangeOutbound(ExchangeDatabase database, Outbox outbox, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.clock = clock;
    }

    public boolean enabled(String feed) {
        return database.handles(feed);
    }

    /** One map per item: the table's column names (snake_case), lists joined by line, plus ex_batch and ex_created_at. */
    public List<Map<String, Object>> rows(Outbox.Delivery delivery) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String batchId : delivery.batchIds()) {
            for (Map<String, Object> item : outbox.items(batchId)) {
                Map<String, Object> row = new LinkedHashMap<>();
                item.forEach((key, value) -> row.put(column(key), value instanceof Collection<?> list
                        ? String.join("\n", list.stream().map(String::valueOf).toList()) : value));
                row.put("ex_batch", batchId);
                row.put("ex_created_at", Utc.of(clock.instant()));
                rows.add(row);
            }
        }
        return rows;
    }

    /** applicationId → application_id; snake_case names stay as they are. */
    static String column(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
