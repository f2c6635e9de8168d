package cn.gov.sd.pilotzone.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every file that went through a feed, in or out: what the supervisors' feed health shows. */
@Repository
public class FeedLog {

    public enum Status { PROCESSED, FAILED, WRITTEN }

    public record Entry(String feed, String fileName, String storedName, String direction, Status status,
                        Integer rowsTotal, Integer rowsApplied, String reason, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public FeedLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String feed, String fileName, String storedName, String direction, Status status,
                       Integer rowsTotal, Integer rowsApplied, String reason) {
        jdbc.update("INSERT INTO feed_file (id, feed, file_name, stored_name, direction, status, rows_total, "
                        + "rows_applied, reason, occurred_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                UUID.randomUUID().toString(), feed, fileName, storedName, direction, status.name(), rowsTotal,
                rowsApplied, reason == null ? null : truncate(reason), Utc.of(clock.instant()));
    }

    public List<Entry> recent(String feed, int limit) {
        return jdbc.query("SELECT * FROM feed_file WHERE feed = ? ORDER BY occurred_at DESC LIMIT ?",
                (rs, i) -> new Entry(rs.getString("feed"), rs.getString("file_name"), rs.getString("stored_name"),
                        rs.getString("direction"), Status.valueOf(rs.getString("status")),
                        (Integer) rs.getObject("rows_total"), (Integer) rs.getObject("rows_applied"),
                        rs.getString("reason"),
                        Utc.instant(rs.getObject("occurred_at", LocalDateTime.class))),
                feed, limit);
    }

    private static String truncate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3990) + " …";
    }
}
