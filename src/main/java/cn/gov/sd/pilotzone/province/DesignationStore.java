package cn.gov.sd.pilotzone.province;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tables zone_designation and zone_evaluation: where each zone's designation stands and its yearly ratings. */
@Repository
class DesignationStore {

    public enum Status { FORMAL_CHECK, CORRECTION, EXPERT_REVIEW, DECISION, LISTED, REFUSED, REMOVED, RECOMMENDED }

    public record Designation(String zoneId, Status status, String batch, String processInstanceId, String theme,
                              BigDecimal meanScore, LocalDate listedOn, int consecutiveFails, String reasons) {
    }

    public record Evaluation(int year, String report, String reportedBy, String rating, String ratedBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DesignationStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Designation> find(String zoneId) {
        return jdbc.query("SELECT * FROM zone_designation WHERE zone_id = ?", (rs, i) -> new Designation(
                rs.getString("zone_id"), Status.valueOf(rs.getString("status")), rs.getString("batch"),
                rs.getString("process_instance_id"), rs.getString("theme"), rs.getBigDecimal("mean_score"),
                rs.getDate("listed_on") == null ? null : rs.getDate("listed_on").toLocalDate(),
                rs.getInt("consecutive_fails"), rs.getString("reasons")), zoneId).stream().findFirst();
    }

    /** Claims a zone for a new designation: false when one is under way or listed (another node, another clerk). */
    boolean claim(String zoneId, Status status, String batch, String theme) {
        Timestamp now = now();
        int updated = jdbc.update("UPDATE zone_designation SET status = ?, batch = ?, theme = ?, mean_score = NULL, "
                + "listed_on = NULL, consecutive_fails = 0, reasons = NULL, process_instance_id = NULL, updated_at = ? "
                + "WHERE zone_id = ? AND status IN ('REFUSED', 'REMOVED')", status.name(), batch, theme, now, zoneId);
        if (updated == 1) {
            return true;
        }
        if (find(zoneId).isPresent()) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO zone_designation (zone_id, status, batch, theme, consecutive_fails, updated_at) "
                    + "VALUES (?,?,?,?,0,?)", zoneId, status.name(), batch, theme, now);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void processStarted(String zoneId, String processInstanceId) {
        jdbc.update("UPDATE zone_designation SET process_instance_id = ? WHERE zone_id = ?", processInstanceId, zoneId);
    }

    void status(String zoneId, Status status) {
        jdbc.update("UPDATE zone_designation SET status = ?, updated_at = ? WHERE zone_id = ?", status.name(), now(),
                zoneId);
    }

    /** The city's corrected theme (补正申报材料) replaces the one it applied with. */
    void themeCorrected(String zoneId, String theme) {
        jdbc.update("UPDATE zone_designation SET theme = ?, updated_at = ? WHERE zone_id = ?", theme, now(), zoneId);
    }

    void scored(String zoneId, BigDecimal mean) {
        jdbc.update("UPDATE zone_designation SET mean_score = ?, updated_at = ? WHERE zone_id = ?", mean, now(), zoneId);
    }

    void listed(String zoneId, String batch) {
        jdbc.update("UPDATE zone_designation SET status = 'LISTED', batch = COALESCE(?, batch), "
                + "listed_on = COALESCE(listed_on, ?), updated_at = ? WHERE zone_id = ?", batch,
                Date.valueOf(LocalDate.now(clock)), now(), zoneId);
    }

    void refused(String zoneId, String reasons) {
        jdbc.update("UPDATE zone_designation SET status = 'REFUSED', reasons = ?, updated_at = ? WHERE zone_id = ?",
                reasons, now(), zoneId);
    }

    void reported(String zoneId, int year, String report, String by) {
        int n = jdbc.update("UPDATE zone_evaluation SET report = ?, reported_by = ? WHERE zone_id = ? AND eval_year = ?",
                report, by, zoneId, year);
        if (n == 0) {
            jdbc.update("INSERT INTO zone_evaluation (zone_id, eval_year, report, reported_by) VALUES (?,?,?,?)",
                    zoneId, year, report, by);
        }
    }

    /** Records the rating and returns the count of 不合格 years in a row, this one included. */
    int rated(String zoneId, int year, String rating, String by, boolean failing) {
        jdbc.update("UPDATE zone_evaluation SET rating = ?, rated_by = ?, rated_at = ? WHERE zone_id = ? AND eval_year = ?",
                rating, by, now(), zoneId, year);
        jdbc.update("UPDATE zone_designation SET consecutive_fails = " + (failing ? "consecutive_fails + 1" : "0")
                + ", updated_at = ? WHERE zone_id = ?", now(), zoneId);
        return find(zoneId).map(Designation::consecutiveFails).orElse(0);
    }

    public List<Evaluation> evaluations(String zoneId) {
        return jdbc.query("SELECT * FROM zone_evaluation WHERE zone_id = ? ORDER BY eval_year", (rs, i) ->
                new Evaluation(rs.getInt("eval_year"), rs.getString("report"), rs.getString("reported_by"),
                        rs.getString("rating"), rs.getString("rated_by")), zoneId);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
