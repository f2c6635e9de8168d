package cn.gov.sd.pilotzone.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.BatchUpsert;
import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The quality-credit dishonesty list (质量失信, seed 001 item 9). An enterprise with a record active on a date
 * (listed on or before it, not removed by it) is ineligible for awards on that date.
 */
@Repository
public class CreditRecords {

    public record CreditRecord(String uscc, String enterpriseName, String recordType, LocalDate listedOn,
                               LocalDate removedOn) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CreditRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void upsert(List<CreditRecord> records) {
        var now = Utc.of(clock.instant());
        List<Object[]> args = records.stream().map(r -> new Object[] {r.enterpriseName(), r.removedOn(), now,
                r.uscc(), r.recordType(), r.listedOn()}).toList();
        BatchUpsert.apply(jdbc, "UPDATE credit_record SET enterprise_name=?, removed_on=?, updated_at=? "
                + "WHERE uscc=? AND record_type=? AND listed_on=?", "INSERT INTO credit_record (enterprise_name, "
                + "removed_on, updated_at, uscc, record_type, listed_on) VALUES (?,?,?,?,?,?)", args);
    }

    /** The record that makes the enterprise ineligible on that date, if any. */
    public Optional<CreditRecord> activeOn(String uscc, LocalDate date) {
        return jdbc.query("SELECT * FROM credit_record WHERE uscc = ? AND listed_on <= ? "
                        + "AND (removed_on IS NULL OR removed_on > ?) ORDER BY listed_on",
                (rs, i) -> new CreditRecord(rs.getString("uscc"), rs.getString("enterprise_name"),
                        rs.getString("record_type"), rs.getObject("listed_on", LocalDate.class),
                        rs.getObject("removed_on", LocalDate.class)), uscc, date, date).stream().findFirst();
    }
}
