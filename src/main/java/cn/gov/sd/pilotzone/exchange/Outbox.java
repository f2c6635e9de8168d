package cn.gov.sd.pilotzone.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.gov.sd.pilotzone.common.Utc;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transactional outbox behind every outbound feed (bean {@code outbox}). Business code adds an item in its own
 * transaction, so an item exists exactly when the change it reports was committed. The feed's route claims all
 * pending items into one batch with a single UPDATE (each item in exactly one batch, whichever node claims it),
 * writes the batch's files under a temp name with a {@code .done} marker, then marks the batch written. A batch
 * claimed but not written (a crash in between) is written again, with the same name and content, on a later tick.
 */
@Component("outbox")
public class Outbox {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Duration RETRY_UNWRITTEN_AFTER = Duration.ofSeconds(30);

    /** One file to write into outbox/feed/. */
    public record OutFile(String name, byte[] content) {
    }

    /** What one tick of a feed's route writes. */
    public record Delivery(String feed, List<String> batchIds, List<OutFile> files) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OutboundFormats formats;
    private final FeedLog feedLog;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    public Outbox(JdbcTemplate jdbc, Clock clock, OutboundFormats formats, FeedLog feedLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.formats = formats;
        this.feedLog = feedLog;
    }

    /** Adds a row (column → value, in column order) to a feed; call inside the business transaction. */
    public void add(String feed, String key, Map<String, Object> row) {
        try {
            jdbc.update("INSERT INTO outbox_item (id, feed, item_key, payload, created_at) VALUES (?,?,?,?,?)",
                    UUID.randomUUID().toString(), feed, key, json.writeValueAsString(row), Utc.of(clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Transactional
    public Delivery claim(String feed) {
        Instant now = clock.instant();
        List<String> batches = new ArrayList<>(jdbc.queryForList(
                "SELECT batch_id FROM outbox_batch WHERE feed = ? AND written_at IS NULL AND created_at < ?",
                String.class, feed, Utc.of(now.minus(RETRY_UNWRITTEN_AFTER))));
        String batchId = feed + "-" + STAMP.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        int claimed = jdbc.update("UPDATE outbox_item SET batch_id = ? WHERE feed = ? AND batch_id IS NULL",
                batchId, feed);
        if (claimed > 0) {
            jdbc.update("INSERT INTO outbox_batch (batch_id, feed, rows_total, created_at) VALUES (?,?,?,?)",
                    batchId, feed, claimed, Utc.of(now));
            batches.add(batchId);
        }
        List<OutFile> files = new ArrayList<>();
        for (String id : batches) {
            files.addAll(render(feed, id));
        }
        return new Delivery(feed, batches, files);
    }

    public void markWritten(Delivery delivery) {
        for (String id : delivery.batchIds()) {
            jdbc.update("UPDATE outbox_batch SET written_at = ? WHERE batch_id = ?", Utc.of(clock.instant()), id);
        }
        for (OutFile f : delivery.files()) {
            feedLog.record(delivery.feed(), f.name(), f.name(), "OUT", FeedLog.Status.WRITTEN, null, null, null);
        }
    }

    private List<OutFile> render(String feed, String batchId) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        jdbc.query("SELECT item_key, payload FROM outbox_item WHERE batch_id = ? ORDER BY created_at, id", rs -> {
            keys.add(rs.getString(1));
            items.add(read(rs.getString(2)));
        }, batchId);
        OutboundFormats.Format format = formats.of(feed);
        if (format.json()) {
            List<OutFile> files = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                files.add(new OutFile(keys.get(i) + ".json", write(items.get(i))));
            }
            return files;
        }
        return List.of(new OutFile(batchId + ".csv", csv(items, format.charset())));
    }

    static byte[] csv(List<Map<String, Object>> rows, Charset charset) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            // cells by column name, not by position: a row built with another key order (or by an older version
            // with fewer columns) must not put an amount under account_no
            Set<String> header = new LinkedHashSet<>();
            rows.forEach(row -> header.addAll(row.keySet()));
            if (!header.isEmpty()) {
                printer.printRecord(header);
            }
            for (Map<String, Object> row : rows) {
                printer.printRecord(header.stream().map(row::get).map(v -> v == null ? "" : v.toString()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(charset);
    }

    private byte[] write(Map<String, Object> item) {
        try {
            return json.writeValueAsString(item).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String payload) {
        try {
            return json.readValue(payload, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
