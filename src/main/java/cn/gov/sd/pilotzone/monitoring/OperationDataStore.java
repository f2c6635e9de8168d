package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.gov.sd.pilotzone.common.Utc;
import cn.gov.sd.pilotzone.exchange.RetryLaterException;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader.OperationRecord;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code operation_data}: monthly indicators per enterprise, key (month, USCC). Written in batches, because a
 * statistics file holds every enterprise of the city (100,000 rows must take about what a plain JDBC batch insert
 * takes). Per month of the file, in the file's transaction:
 * <ol>
 * <li>the month's row of {@code operation_month} is locked (updated, or inserted the first time), so two hub nodes
 * never write the same month at once;</li>
 * <li>one query reads what the month already has;</li>
 * <li>rows already stored are replaced: deleted by key range, one {@code DELETE} per run of consecutive stored keys
 * that the file replaces (a whole re-sent month is one statement), then inserted again. Measured with 100,000
 * rows, single-row UPDATE or DELETE batches take 5–15 s on MariaDB and {@code uscc IN (…)} chunks several minutes
 * on H2; key ranges take about a second on both;</li>
 * <li>all rows are batch-inserted in key order, with typed parameters (no per-row metadata look-ups by the driver;
 * with {@code rewriteBatchedStatements} MySQL gets multi-row INSERTs); in key order the primary key's B-tree grows
 * at one end instead of splitting pages all over.</li>
 * </ol>
 * Portable SQL: no MERGE, no upsert syntax.
 */
@Repository
class OperationDataStore {

    static final int BATCH = 1000;

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
        LocalDateTime now = Utc.of(clock.instant());
        Map<Integer, List<OperationRecord>> byMonth = new TreeMap<>(); // ascending: nodes lock months in one order
        rows.forEach(r -> byMonth.computeIfAbsent(r.monthNo(), m -> new ArrayList<>()).add(r));
        List<OperationRecord> writes = new ArrayList<>(rows.size());
        List<Object[]> deletes = new ArrayList<>();
        int replaced = 0;
        for (Map.Entry<Integer, List<OperationRecord>> month : byMonth.entrySet()) {
            lockMonth(month.getKey(), month.getValue().get(0).period(), now);
            TreeMap<String, OperationRecord> stored = stored(month.getKey());
            Map<String, OperationRecord> file = new TreeMap<>();
            for (OperationRecord r : month.getValue()) {
                file.put(r.uscc(), r);
                OperationRecord old = stored.get(r.uscc());
                writes.add(old == null ? r : merge(r, old, indicators));
                replaced += old == null ? 0 : 1;
            }
            deletes.addAll(ranges(month.getKey(), stored, file));
        }
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM operation_data WHERE month_no = ? AND uscc >= ? AND uscc <= ?", deletes);
        }
        insert(writes, now);
        return new Applied(writes.size() - replaced, replaced);
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

    private TreeMap<String, OperationRecord> stored(int monthNo) {
        TreeMap<String, OperationRecord> stored = new TreeMap<>();
        jdbc.query("SELECT uscc, revenue, profit, electricity_kwh, tax FROM operation_data WHERE month_no = ?",
                rs -> {
                    stored.put(rs.getString(1), new OperationRecord(0, rs.getString(1), null, rs.getBigDecimal(2),
                            rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }, monthNo);
        return stored;
    }

    /**
     * The key ranges to delete: runs of consecutive stored keys that the file replaces. A stored key the file does
     * not have ends a run, so a range never covers a row that stays. USCCs are upper-case ASCII letters and
     * digits, so Java's order is the database's under any collation.
     */
    static List<Object[]> ranges(int monthNo, TreeMap<String, ?> stored, Map<String, ?> file) {
        List<Object[]> ranges = new ArrayList<>();
        String first = null;
        String last = null;
        for (String key : stored.keySet()) {
            if (file.containsKey(key)) {
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
        rows.sort(Comparator.comparingInt((OperationRecord r) -> r.monthNo()).thenComparing(OperationRecord::uscc));
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
