package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * <li>one query then reads the month's stored keys, with the values of the indicator columns the file does not
 * have (the only ones kept);</li>
 * <li>a row of a key not stored is inserted with its chunk, while the reader goes on with the next ones;</li>
 * <li>rows already stored are replaced once the whole file is read: deleted by key range, one {@code DELETE} per
 * run of consecutive keys that the file replaces (a whole re-sent month is one statement; a key that stays, or one
 * the file inserted already, ends a run), then inserted again. Measured with 100,000 rows, single-row UPDATE or DELETE batches take 5–15 s on MariaDB and
 * {@code uscc IN (…)} chunks several minutes on H2; key ranges take about a second on both;</li>
 * <li>inserts are batches in key order (a chunk's, or all replaced rows'), with typed parameters (no per-row
 * metadata look-ups by the driver; with {@code rewriteBatchedStatements} MySQL gets multi-row INSERTs); in key order
 * the primary key's B-tree splits fewer pages.</li>
 * </ol>
 * Portable SQL: no MERGE, no upsert syntax.
 */
@Repository
class OperationDataStore {

    static final int BATCH = 1000;
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
     * transaction. A row of a new key is inserted with its chunk; a row that replaces a stored one waits for the
     * end, when the file's keys of the month are known and the stored ones they replace can be deleted by range
     * ({@link #ranges}, which keeps clear of the keys inserted meanwhile).
     */
    final class Writer {
        private final LocalDateTime now;
        /** The months locked so far, with what each had stored before the file. */
        private final Map<Integer, Stored> months = new HashMap<>();
        private final List<OperationRecord> replacing = new ArrayList<>();
        /** The keys this file inserted already, by month: a range deleted at the end must not cover one. */
        private final Map<Integer, List<String>> insertedKeys = new HashMap<>();
        private Set<String> indicators;
        private int inserted;

        private Writer(LocalDateTime now) {
            this.now = now;
        }

        /** The file's months so far. */
        Set<Integer> months() {
            return months.keySet();
        }

        void write(List<OperationRecord> rows, Set<String> fileIndicators) {
            indicators = fileIndicators;
            List<OperationRecord> sorted = new ArrayList<>(rows);
            sorted.sort(KEY_ORDER);
            List<OperationRecord> fresh = new ArrayList<>(sorted.size());
            for (OperationRecord r : sorted) {
                Stored stored = months.computeIfAbsent(r.monthNo(), m -> lockAndRead(m, r.period()));
                OperationRecord old = stored.rows.get(r.uscc());
                if (old == null) {
                    fresh.add(r);
                } else {
                    replacing.add(merge(r, old, fileIndicators));
                }
            }
            insert(fresh, now);
            fresh.forEach(r -> insertedKeys.computeIfAbsent(r.monthNo(), m -> new ArrayList<>()).add(r.uscc()));
            inserted += fresh.size();
        }

        Applied finish() {
            Map<Integer, Set<String>> replaced = new HashMap<>();
            replacing.forEach(r -> replaced.computeIfAbsent(r.monthNo(), m -> new HashSet<>()).add(r.uscc()));
            List<Object[]> deletes = new ArrayList<>();
            replaced.forEach((month, keys) -> deletes.addAll(ranges(month, inTable(month), keys)));
            if (!deletes.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM operation_data WHERE month_no = ? AND uscc >= ? AND uscc <= ?", deletes);
            }
            replacing.sort(KEY_ORDER);
            insert(replacing, now);
            return new Applied(inserted, replacing.size());
        }

        /** The month's keys in the table now, in order: those stored before the file and those it inserted. */
        private String[] inTable(int monthNo) {
            String[] stored = months.get(monthNo).keys;
            List<String> added = insertedKeys.getOrDefault(monthNo, List.of());
            if (added.isEmpty()) {
                return stored;
            }
            String[] all = Arrays.copyOf(stored, stored.length + added.size());
            for (int i = 0; i < added.size(); i++) {
                all[stored.length + i] = added.get(i);
            }
            Arrays.sort(all);
            return all;
        }

        /**
         * Locks the month and reads its stored keys, with the stored values of the indicators the file does not
         * have (the only ones kept).
         */
        private Stored lockAndRead(int monthNo, YearMonth period) {
            lockMonth(monthNo, period, now);
            List<String> kept = OperationDataReader.INDICATORS.stream().filter(c -> !indicators.contains(c)).toList();
            Map<String, OperationRecord> rows = new HashMap<>();
            jdbc.query("SELECT uscc" + kept.stream().map(c -> ", " + c).collect(Collectors.joining())
                    + " FROM operation_data WHERE month_no = ?", rs -> {
                        String uscc = rs.getString(1);
                        rows.put(uscc, new OperationRecord(0, uscc, null, value(rs, kept, OperationDataReader.REVENUE),
                                value(rs, kept, OperationDataReader.PROFIT),
                                value(rs, kept, OperationDataReader.ELECTRICITY),
                                value(rs, kept, OperationDataReader.TAX)));
                    }, monthNo);
            String[] keys = rows.keySet().toArray(String[]::new);
            Arrays.sort(keys);
            return new Stored(rows, keys);
        }
    }

    /** A month's rows before the file (only the columns the file does not have), and their keys in order. */
    private record Stored(Map<String, OperationRecord> rows, String[] keys) {
    }

    private static BigDecimal value(ResultSet rs, List<String> kept, String column) throws SQLException {
        int at = kept.indexOf(column);
        return at < 0 ? null : rs.getBigDecimal(at + 2);
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

    /** The file's values for the columns it has, the stored ones for the others. */
    private static OperationRecord merge(OperationRecord file, OperationRecord stored, Set<String> indicators) {
        return new OperationRecord(file.line(), file.uscc(), file.period(),
                indicators.contains(OperationDataReader.REVENUE) ? file.revenue() : stored.revenue(),
                indicators.contains(OperationDataReader.PROFIT) ? file.profit() : stored.profit(),
                indicators.contains(OperationDataReader.ELECTRICITY) ? file.electricityKwh() : stored.electricityKwh(),
                indicators.contains(OperationDataReader.TAX) ? file.tax() : stored.tax());
    }

    private void insert(List<OperationRecord> rows, LocalDateTime now) {
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
                    ps.setObject(8, now);
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
