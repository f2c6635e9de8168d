package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.gov.sd.pilotzone.common.Utc;
import cn.gov.sd.pilotzone.exchange.RetryLaterException;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader.OperationRecord;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code operation_data}: monthly indicators per enterprise, key (month, USCC). Written in batches, because a
 * statistics file holds every enterprise of the city (100,000 rows must take about what a plain JDBC batch insert
 * takes). A file is written chunk by chunk as it is read ({@link Writer}), in the file's transaction:
 * <ol>
 * <li>a month's row of {@code operation_month} is locked (updated, or inserted the first time) when the file's
 * first row of that month comes, so two hub nodes never write the same month at once. Months are locked in the
 * order they come (ascending within a chunk): two nodes given files with the same months in opposite orders can
 * deadlock, and the database's deadlock error makes the loser's file wait and be taken again
 * ({@link RetryLaterException});</li>
 * <li>one query then reads the month's stored rows;</li>
 * <li>a row of a key not stored is inserted with its chunk, while the reader goes on with the next ones;</li>
 * <li>a <b>re-sent month</b> (the first chunk of it replaces many stored rows, see {@link Writer}) is deleted at
 * once and its rows inserted with their chunks too, the stored rows the file does not have again at the end;</li>
 * <li>in a <b>correction</b>, rows already stored are replaced once the whole file is read: deleted by key range,
 * one {@code DELETE} per run of consecutive keys that the file replaces (a key that stays, or one the file
 * inserted already, ends a run), then inserted again. Measured with 100,000 rows, single-row UPDATE or DELETE
 * batches take 5–15 s on MariaDB and {@code uscc IN (…)} chunks several minutes on H2; key ranges take about a
 * second on both;</li>
 * <li>inserts are batches in key order (a chunk's, or all replaced or kept rows'), with typed parameters (no per-row
 * metadata look-ups by the driver; with {@code rewriteBatchedStatements} MySQL gets multi-row INSERTs); in key order
 * the primary key's B-tree splits fewer pages.</li>
 * </ol>
 * Portable SQL: no MERGE, no upsert syntax.
 */
@Repository
class OperationDataStore {

    static final int BATCH = 1000;
    /** Stored rows of a month that a file's first chunk of it replaces, from which it counts as re-sent. */
    static final int WHOLE_MONTH = 1000;
    private static final Comparator<OperationRecord> KEY_ORDER = Comparator.comparingInt((OperationRecord r) -> r.monthNo())
            .thenComparing(OperationRecord::uscc);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OperationDataStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What one file did to the table. */
    public record Applied(int inserted, int replaced) {
    }

    /**
     * Writes the rows in the caller's transaction. A month already stored is replaced, not added to: the file's
     * indicator columns overwrite that month's values (an empty cell clears one); columns the file does not have
     * keep their stored values, so the power company's file does not erase the statistics bureau's revenue.
     */
    public Applied apply(List<OperationRecord> rows, Set<String> indicators) {
        Writer writer = writer();
        writer.write(rows, indicators);
        return writer.finish();
    }

    /** Writes one file's rows chunk by chunk in the caller's transaction, as {@link #apply} does all at once. */
    public Writer writer() {
        return new Writer(Utc.of(clock.instant()));
    }

    /**
     * One file's writes: {@link #write} as many chunks as the file has, then {@link #finish}, all in one
     * transaction. A row of a new key is inserted with its chunk. How a row that replaces a stored one is written
     * depends on the month, decided at its first chunk:
     * <ul>
     * <li>a <b>re-sent month</b> (the chunk replaces at least {@link #WHOLE_MONTH} stored rows, or all of them): the
     * month's stored rows are deleted at once and every row is inserted with its chunk, so the writes overlap the
     * reading as for a new month; the stored rows the file does not have are inserted again at the end, as they
     * were;</li>
     * <li>a <b>correction</b> (fewer): the replacing rows wait for the end, when the file's keys of the month are
     * known and the stored ones they replace can be deleted by range ({@link #ranges}, which keeps clear of the
     * keys inserted meanwhile), so a file of ten rows never rewrites a month of 100,000.</li>
     * </ul>
     */
    final class Writer {
        private final LocalDateTime now;
        /** The months locked so far, with what each had stored before the file. */
        private final Map<Integer, StoredMonth> months = new HashMap<>();
        private final List<OperationRecord> replacing = new ArrayList<>();
        /** The keys this file inserted already, by month: a range deleted at the end must not cover one. */
        private final Map<Integer, List<String>> insertedKeys = new HashMap<>();
        private int inserted;
        private int replaced;

        private Writer(LocalDateTime now) {
            this.now = now;
        }

        /** The file's months so far. */
        Set<Integer> months() {
            return months.keySet();
        }

        void write(List<OperationRecord> rows, Set<String> indicators) {
            List<OperationRecord> sorted = new ArrayList<>(rows);
            sorted.sort(KEY_ORDER);
            List<OperationRecord> writeNow = new ArrayList<>(sorted.size());
            for (OperationRecord r : sorted) {
                StoredMonth month = months.computeIfAbsent(r.monthNo(), m -> open(m, r.period(), sorted));
                int old = month.take(r.uscc());
                if (old < 0) {
                    writeNow.add(r);
                    if (!month.resent && month.size > 0) { // a month with nothing stored has no ranges to keep clear of
                        insertedKeys.computeIfAbsent(r.monthNo(), m -> new ArrayList<>()).add(r.uscc());
                    }
                    inserted++;
                } else {
                    (month.resent ? writeNow : replacing).add(month.merge(old, r, indicators));
                    replaced++;
                }
            }
            insert(writeNow, r -> now);
        }

        Applied finish() {
            Map<Integer, Set<String>> replacedKeys = new HashMap<>();
            replacing.forEach(r -> replacedKeys.computeIfAbsent(r.monthNo(), m -> new HashSet<>()).add(r.uscc()));
            List<Object[]> deletes = new ArrayList<>();
            replacedKeys.forEach((month, keys) -> deletes.addAll(ranges(month, inTable(month), keys)));
            if (!deletes.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM operation_data WHERE month_no = ? AND uscc >= ? AND uscc <= ?", deletes);
            }
            replacing.sort(KEY_ORDER);
            insert(replacing, r -> now);
            // the rows of a re-sent month the file does not have, back as they were
            months.values().stream().filter(m -> m.resent).forEach(StoredMonth::restoreUntaken);
            return new Applied(inserted, replaced);
        }

        /** The month's keys in the table now, in order: those stored before the file and those it inserted. */
        private String[] inTable(int monthNo) {
            String[] stored = months.get(monthNo).keys;
            List<String> added = insertedKeys.getOrDefault(monthNo, List.of());
            String[] all = Arrays.copyOf(stored, stored.length + added.size());
            for (int i = 0; i < added.size(); i++) {
                all[stored.length + i] = added.get(i);
            }
            Arrays.sort(all); // the stored keys are in order already: a merge with the inserted ones
            return all;
        }

        /** Locks the month and reads its stored rows; deletes them at once when the chunk that opens it re-sends it. */
        private StoredMonth open(int monthNo, YearMonth period, List<OperationRecord> chunk) {
            lockMonth(monthNo, period, now);
            StoredMonth month = new StoredMonth(period);
            // streamed: MariaDB's driver otherwise holds the whole month's result (100,000 rows) until it is read
            jdbc.query(con -> {
                PreparedStatement select = con.prepareStatement("SELECT uscc, revenue, profit, electricity_kwh, tax, "
                        + "updated_at FROM operation_data WHERE month_no = ? ORDER BY uscc");
                select.setFetchSize(BATCH);
                select.setInt(1, monthNo);
                return select;
            }, month::add);
            month.seal(chunk.stream().filter(r -> r.monthNo() == monthNo && month.has(r.uscc())).count());
            if (month.resent) {
                jdbc.update("DELETE FROM operation_data WHERE month_no = ?", monthNo);
            }
            return month;
        }
    }

    /** Whether a file whose first chunk of a month replaces {@code replacing} of its {@code stored} rows re-sends it. */
    static boolean resent(long replacing, int stored) {
        return replacing > 0 && replacing >= Math.min(stored, WHOLE_MONTH);
    }

    /**
     * A month's rows as stored before the file, held in arrays (cents as {@code long}, {@link #NULL} for an empty
     * cell, times as epoch milliseconds) rather than a row object each: a re-sent month of 100,000 rows is held for
     * the whole file, and as objects (decimals, times, records) it outlived the young collections and cost more in
     * full collections than writing it did. The rows come in key order, so a key's row is found by binary search
     * (no map of 100,000 entries to promote and mark) and the keys are the ranges' order already.
     */
    private final class StoredMonth {
        private static final long NULL = Long.MIN_VALUE;
        private static final int COLUMNS = 4;

        private final YearMonth period;
        /** The stored keys in order; row {@code i} is key {@code i}. */
        private String[] keys = new String[1024];
        private int size;
        private long[] values = new long[COLUMNS * 1024];
        private long[] updatedAt = new long[1024];
        /** The rows the file has replaced so far. */
        private BitSet taken;
        private boolean resent;

        StoredMonth(YearMonth period) {
            this.period = period;
        }

        void add(ResultSet rs) throws SQLException {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, values.length * 2);
                updatedAt = Arrays.copyOf(updatedAt, size * 2);
            }
            String uscc = rs.getString(1);
            if (size > 0 && keys[size - 1].compareTo(uscc) >= 0) {
                // USCCs are upper-case ASCII letters and digits: every collation orders them as Java does
                throw new IllegalStateException("operation_data keys not in order: " + keys[size - 1] + ", " + uscc);
            }
            keys[size] = uscc;
            for (int c = 0; c < COLUMNS; c++) {
                BigDecimal v = rs.getBigDecimal(2 + c);
                values[size * COLUMNS + c] = v == null ? NULL : v.movePointRight(2).longValueExact();
            }
            updatedAt[size] = rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli();
            size++;
        }

        /** After the rows are read: whether the file re-sends the month, from its first chunk of it. */
        void seal(long replacing) {
            keys = Arrays.copyOf(keys, size);
            taken = new BitSet(size);
            resent = resent(replacing, size);
        }

        boolean has(String uscc) {
            return row(uscc) >= 0;
        }

        /** The stored row the file's row replaces, marked as replaced; -1 when there is none. */
        int take(String uscc) {
            int row = row(uscc);
            if (row >= 0) {
                taken.set(row);
            }
            return row;
        }

        private int row(String uscc) {
            return Math.max(-1, Arrays.binarySearch(keys, 0, size, uscc));
        }

        /** The file's values for the columns it has, the stored ones for the others. */
        OperationRecord merge(int row, OperationRecord file, Set<String> indicators) {
            return new OperationRecord(file.line(), file.uscc(), file.period(),
                    indicators.contains(OperationDataReader.REVENUE) ? file.revenue() : value(row, 0),
                    indicators.contains(OperationDataReader.PROFIT) ? file.profit() : value(row, 1),
                    indicators.contains(OperationDataReader.ELECTRICITY) ? file.electricityKwh() : value(row, 2),
                    indicators.contains(OperationDataReader.TAX) ? file.tax() : value(row, 3));
        }

        /** Inserts the stored rows the file did not replace again, with their own times, a chunk at a time. */
        void restoreUntaken() {
            List<OperationRecord> rows = new ArrayList<>();
            Map<String, LocalDateTime> times = new HashMap<>();
            for (int row = taken.nextClearBit(0); row < size; row = taken.nextClearBit(row + 1)) {
                String uscc = keys[row];
                rows.add(new OperationRecord(0, uscc, period, value(row, 0), value(row, 1), value(row, 2),
                        value(row, 3)));
                times.put(uscc, LocalDateTime.ofInstant(Instant.ofEpochMilli(updatedAt[row]), ZoneOffset.UTC));
                if (rows.size() == BATCH) {
                    insert(rows, r -> times.get(r.uscc()));
                    rows.clear();
                    times.clear();
                }
            }
            insert(rows, r -> times.get(r.uscc()));
        }

        private BigDecimal value(int row, int column) {
            long v = values[row * COLUMNS + column];
            return v == NULL ? null : BigDecimal.valueOf(v, 2);
        }
    }

    /** One enterprise's month as stored (tests, and the follow-up task's context). */
    public Map<String, Object> month(String uscc, String period) {
        List<Map<String, Object>> found = jdbc.queryForList(
                "SELECT * FROM operation_data WHERE uscc = ? AND period = ?", uscc, period);
        return found.isEmpty() ? Map.of() : found.get(0);
    }

    /** One month of an enterprise's figures ({@code period} as yyyy-MM). */
    public record Month(String period, BigDecimal revenue, BigDecimal electricityKwh) {
    }

    /** An enterprise's months from {@code from} to {@code to}, both included, that have data; oldest first. */
    public List<Month> months(String uscc, YearMonth from, YearMonth to) {
        return jdbc.query("SELECT period, revenue, electricity_kwh FROM operation_data WHERE uscc = ? AND period >= ? "
                        + "AND period <= ? ORDER BY period", (rs, i) -> new Month(rs.getString(1), rs.getBigDecimal(2),
                rs.getBigDecimal(3)), uscc, from.toString(), to.toString());
    }

    private void lockMonth(int monthNo, YearMonth period, LocalDateTime now) {
        if (jdbc.update("UPDATE operation_month SET updated_at = ? WHERE month_no = ?", now, monthNo) == 0) {
            try {
                jdbc.update("INSERT INTO operation_month (month_no, period, updated_at) VALUES (?,?,?)", monthNo,
                        period.toString(), now);
            } catch (DuplicateKeyException e) {
                throw new RetryLaterException(e); // another node created the month a moment ago: take the file again
            }
        }
    }

    /**
     * The key ranges to delete: runs of consecutive keys of the table ({@code inTable}, in order: stored before the
     * file, and inserted by it already) that the file replaces. Any other key ends a run, so a range never covers a
     * row that stays or one the file has just inserted. USCCs are upper-case ASCII letters and
     * digits, so Java's order is the database's under any collation.
     */
    static List<Object[]> ranges(int monthNo, String[] inTable, Set<String> replaced) {
        List<Object[]> ranges = new ArrayList<>();
        String first = null;
        String last = null;
        for (String key : inTable) {
            if (replaced.contains(key)) {
                first = first == null ? key : first;
                last = key;
            } else if (first != null) {
                ranges.add(new Object[] {monthNo, first, last});
                first = null;
            }
        }
        if (first != null) {
            ranges.add(new Object[] {monthNo, first, last});
        }
        return ranges;
    }

    private void insert(List<OperationRecord> rows, Function<OperationRecord, LocalDateTime> updatedAt) {
        if (rows.isEmpty()) {
            return;
        }
        // bound as LocalDateTime in UTC, like every timestamp of the hub (see Utc), never as a zoned Timestamp
        jdbc.batchUpdate("INSERT INTO operation_data (month_no, uscc, period, revenue, profit, electricity_kwh, tax, "
                + "updated_at) VALUES (?,?,?,?,?,?,?,?)", rows, BATCH, (ps, r) -> {
                    ps.setInt(1, r.monthNo());
                    ps.setString(2, r.uscc());
                    ps.setString(3, r.period().toString());
                    decimal(ps, 4, r.revenue());
                    decimal(ps, 5, r.profit());
                    decimal(ps, 6, r.electricityKwh());
                    decimal(ps, 7, r.tax());
                    ps.setObject(8, updatedAt.apply(r));
                });
    }

    private static void decimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DECIMAL);
        } else {
            ps.setBigDecimal(index, value);
        }
    }
}
