package cn.gov.sd.pilotzone.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.common.ConflictException;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.common.Utc;
import cn.gov.sd.pilotzone.exchange.FeedHandler.FeedResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of the table routes (bean {@code exchangeBatches}, routes/exchange-tables.yaml): when a batch of an
 * exchange table is complete, who takes it, applying it through the feed's own {@link FeedHandler} (the rows become
 * the same CSV a file would carry, so parsing, checks and reasons are the file feed's), and the rows' statuses.
 * <p>
 * Two databases, no shared transaction (docs/exchange-database.md "Exactly once"): the batch is claimed in the hub's
 * {@code inbound_claim} like a file; its effect, the claim's APPLIED mark and the outcome of every row
 * ({@code exchange_batch}) commit in one hub transaction; only then are the rows' DONE/ERROR written to the exchange
 * database, from that record. A crash or outage between the two leaves the rows NEW and the record in the hub: the
 * next attempt (this node's redelivery, or a node taking the claim over) finds the record and only writes statuses.
 */
@Component("exchangeBatches")
public class ExchangeBatches {

    private static final Logger log = LoggerFactory.getLogger(ExchangeBatches.class);
    private static final int MESSAGE_LENGTH = 1000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** A batch as the table route's poll sees it. */
    record Seen(String signature, Instant since) {
    }

    /** What the hub decided for a batch: the reason of every ERROR row; the others are DONE. */
    record Outcome(Map<Long, String> errors, Instant appliedAt) {
    }

    private final Map<String, FeedHandler> handlers;
    private final InboundClaims claims;
    private final FeedLog feedLog;
    private final Messages messages;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration quietPeriod;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    public ExchangeBatches(List<FeedHandler> handlers, InboundClaims claims, FeedLog feedLog, Messages messages,
                           JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                           @Value("${hub.exchange.db.quiet-period:PT5S}") Duration quietPeriod) {
        this.handlers = handlers.stream().collect(Collectors.toMap(FeedHandler::feed, Function.identity()));
        this.claims = claims;
        this.feedLog = feedLog;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.quietPeriod = quietPeriod;
    }

    /**
     * Whether a batch is complete: its NEW rows (count, first and last ex_id) were the same for the quiet period.
     * A batch committed in one transaction appears whole; one a sender commits in several appears in parts, and is
     * taken only once no part was added for the quiet period (the sender's rule, docs/exchange-database.md).
     */
    public boolean ready(String feed, Map<String, Object> batch) {
        Instant now = clock.instant();
        seen.values().removeIf(s -> s.since().isBefore(now.minus(FORGET_AFTER)));
        String key = feed + "/" + value(batch, "ex_batch");
        String signature = value(batch, "ex_rows") + "/" + value(batch, "first_id") + "/" + value(batch, "last_id");
        Seen before = seen.get(key);
        if (before != null && before.signature().equals(signature)) {
            return !before.since().plus(quietPeriod).isAfter(now);
        }
        seen.put(key, new Seen(signature, now));
        return false;
    }

    /** The claim key of a batch: a batch that gained rows after it was taken is a new batch of those rows. */
    public String claimKey(String feed, Map<String, Object> batch) {
        return feed + "/table:" + value(batch, "ex_batch") + "-" + value(batch, "ex_rows") + "-"
                + value(batch, "last_id");
    }

    /** Claims a complete batch for this node (false: another node has it), as a file is claimed. */
    public boolean take(String feed, Map<String, Object> batch) {
        seen.remove(feed + "/" + value(batch, "ex_batch"));
        return claims.add(claimKey(feed, batch));
    }

    /** Gives up a claim of a batch whose route failed for another reason than an outage (it is polled again). */
    public void release(String claimKey) {
        claims.remove(claimKey);
    }

    /**
     * Applies a batch (its NEW rows up to the polled last ex_id, in ex_id order) unless it was applied before, and
     * returns its rows' statuses for the exchange table: maps with exId, status, message, doneAt.
     */
    public List<Map<String, Object>> apply(String feed, String exBatch, String claimKey, List<Map<String, Object>> rows) {
        try {
            Outcome outcome = recorded(claimKey).orElse(null);
            if (outcome == null) {
                if (rows.isEmpty()) {
                    return List.of();
                }
                outcome = applyOnce(feed, exBatch, claimKey, rows);
                if (outcome == null) {
                    return List.of();
                }
            } else {
                log.info("{} batch {}: applied before; writing its rows' statuses", feed, exBatch);
            }
            return statuses(rows, outcome);
        } catch (RuntimeException e) {
            if (RetryLaterException.isTransient(e)) {
                log.warn("{} batch {}: hub database unavailable, will retry: {}", feed, exBatch, e.getMessage());
                throw new RetryLaterException(e);
            }
            throw e;
        }
    }

    /** Records that the rows' statuses are in the exchange table (for the dashboard; redoing them is harmless). */
    public void written(String claimKey) {
        jdbc.update("UPDATE exchange_batch SET statuses_at = ? WHERE claim_id = ? AND statuses_at IS NULL",
                Utc.of(clock.instant()), InboundClaims.id(claimKey));
    }

    private Outcome applyOnce(String feed, String exBatch, String claimKey, List<Map<String, Object>> rows) {
        FeedHandler handler = handlers.get(feed);
        if (handler == null) {
            throw new IllegalStateException("no handler for feed " + feed);
        }
        Table table = Table.of(rows);
        String name = ExchangeDatabase.table(feed) + "#" + exBatch + ".csv";
        try {
            return tx.execute(status -> {
                FeedResult result = handler.accept(name, table.csv());
                claims.markApplied(claimKey);
                Map<Long, String> errors = table.reasons(result.skipped(), null, messages);
                table.blankRows().forEach(id -> errors.putIfAbsent(id,
                        messages.bilingual(Problem.of(null, "exchange.row.blank"))));
                String report = errors.isEmpty() ? null : String.join("\n", new LinkedHashSet<>(errors.values()));
                feedLog.record(feed, name, name, "IN", FeedLog.Status.PROCESSED, rows.size(), result.rowsApplied(),
                        report);
                return record(claimKey, feed, exBatch, table, errors);
            });
        } catch (InvalidInputException rejected) {
            return reject(feed, exBatch, claimKey, name, table, rejected.problems());
        } catch (ConflictException conflict) {
            // a state the batch contradicts (a receipt for a payment no longer waiting): its reason, as for a file
            return reject(feed, exBatch, claimKey, name, table, List.of(conflict.problem()));
        } catch (InboundClaims.ClaimLostException e) {
            log.warn("{} batch {}: {}", feed, exBatch, e.getMessage());
            return null;
        } catch (RuntimeException e) {
            if (RetryLaterException.isTransient(e)) {
                throw e;
            }
            // as a file the hub cannot apply goes to error/: the rows get the reason, the sender can send them again
            log.warn("{} batch {}: unexpected failure", feed, exBatch, e);
            return reject(feed, exBatch, claimKey, name, table, List.of(Problem.of(null, "file.failed",
                    e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
    }

    /**
     * The feed rejects the batch as it would the file: every row ERROR, each with its own reason or, for a good
     * row, that others failed; recorded as applied so that no node takes the batch again.
     */
    private Outcome reject(String feed, String exBatch, String claimKey, String name, Table table,
                           List<Problem> problems) {
        return tx.execute(status -> {
            claims.markApplied(claimKey);
            Map<Long, String> errors = table.reasons(problems,
                    messages.bilingual(Problem.of(null, "exchange.batch.rejected")), messages);
            String report = String.join("\n", messages.bilingual(problems));
            feedLog.record(feed, name, name, "IN", FeedLog.Status.FAILED, table.ids().size(), 0, report);
            return record(claimKey, feed, exBatch, table, errors);
        });
    }

    private Outcome record(String claimKey, String feed, String exBatch, Table table, Map<Long, String> errors) {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO exchange_batch (claim_id, feed, ex_batch, last_ex_id, rows_total, rows_error, errors, "
                        + "applied_at) VALUES (?,?,?,?,?,?,?,?)", InboundClaims.id(claimKey), feed, exBatch,
                table.lastId(), table.ids().size(), errors.size(), write(errors), Utc.of(now));
        log.info("{} batch {}: {} rows, {} in error", feed, exBatch, table.ids().size(), errors.size());
        return new Outcome(errors, now);
    }

    private Optional<Outcome> recorded(String claimKey) {
        return jdbc.query("SELECT errors, applied_at FROM exchange_batch WHERE claim_id = ?",
                (rs, i) -> new Outcome(read(rs.getString(1)), Utc.instant(rs.getObject(2, LocalDateTime.class))),
                InboundClaims.id(claimKey)).stream().findFirst();
    }

    private static List<Map<String, Object>> statuses(List<Map<String, Object>> rows, Outcome outcome) {
        LocalDateTime doneAt = Utc.of(outcome.appliedAt());
        List<Map<String, Object>> statuses = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            long id = ((Number) get(row, "ex_id")).longValue();
            String error = outcome.errors().get(id);
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("exId", id);
            status.put("status", error == null ? "DONE" : "ERROR");
            status.put("message", error == null ? null : truncate(error));
            status.put("doneAt", doneAt);
            statuses.add(status);
        }
        return statuses;
    }

    /**
     * A batch's rows as the CSV file the feed's handler reads (English column names, cells as text), and which
     * line of that file each row starts on, to put each problem's reason on its row.
     */
    record Table(byte[] csv, Map<Integer, Long> lineToId, List<Long> ids, Set<Long> blankRows) {

        static Table of(List<Map<String, Object>> rows) {
            List<String> columns = new ArrayList<>();
            for (String column : rows.get(0).keySet()) {
                if (!column.toLowerCase(Locale.ROOT).startsWith("ex_")) {
                    columns.add(column);
                }
            }
            StringWriter out = new StringWriter();
            Map<Integer, Long> lines = new TreeMap<>();
            List<Long> ids = new ArrayList<>();
            Set<Long> blank = new LinkedHashSet<>();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                printer.printRecord(columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
                int line = 2;
                for (Map<String, Object> row : rows) {
                    long id = ((Number) get(row, "ex_id")).longValue();
                    List<String> cells = columns.stream().map(c -> text(row.get(c))).toList();
                    ids.add(id);
                    lines.put(line, id);
                    if (cells.stream().allMatch(String::isBlank)) {
                        blank.add(id);
                    }
                    int before = out.getBuffer().length();
                    printer.printRecord(cells);
                    line += (int) out.getBuffer().substring(before).chars().filter(ch -> ch == '\n').count();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Table(out.toString().getBytes(StandardCharsets.UTF_8), lines, ids, blank);
        }

        long lastId() {
            return ids.get(ids.size() - 1);
        }

        /**
         * Each row's reasons, joined; problems without a row (the whole batch) go to every row; {@code others}
         * (when not null) is the reason of a row without a problem of its own.
         */
        Map<Long, String> reasons(List<Problem> problems, String others, Messages messages) {
            Map<Long, List<String>> byRow = new LinkedHashMap<>();
            List<String> everyRow = new ArrayList<>();
            for (Problem p : problems) {
                Long id = lineToId.get(p.line());
                String reason = messages.bilingual(p.atLine(0));
                if (id == null) {
                    everyRow.add(reason);
                } else {
                    byRow.computeIfAbsent(id, k -> new ArrayList<>()).add(reason);
                }
            }
            Map<Long, String> reasons = new LinkedHashMap<>();
            for (long id : ids) {
                List<String> own = new ArrayList<>(everyRow);
                own.addAll(byRow.getOrDefault(id, List.of()));
                if (!own.isEmpty()) {
                    reasons.put(id, String.join("; ", own));
                } else if (others != null) {
                    reasons.put(id, others);
                }
            }
            return reasons;
        }

        private static String text(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof BigDecimal d) {
                return d.toPlainString();
            }
            if (value instanceof Date d) {
                return d.toLocalDate().toString();
            }
            return value.toString();
        }
    }

    /** A column of a row by name whatever case the database reports it in. */
    private static Object get(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (e.getKey().equalsIgnoreCase(column)) {
                    return e.getValue();
                }
            }
        }
        return v;
    }

    private static String value(Map<String, Object> row, String column) {
        return String.valueOf(get(row, column));
    }

    private static String truncate(String s) {
        return s.length() <= MESSAGE_LENGTH ? s : s.substring(0, MESSAGE_LENGTH - 2) + " …";
    }

    private String write(Map<Long, String> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Long, String> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<Long, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
