package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplication.Event;
import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code award_application} and its history {@code application_event}. */
@Repository
class ApplicationStore {

    /** Filters of the application list; null means any. {@code countyCode} restricts a county clerk's view. */
    public record Filter(String uscc, String policyCode, Status status, Channel channel, String countyCode) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AwardApplicationParser parser;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    ApplicationStore(JdbcTemplate jdbc, Clock clock, AwardApplicationParser parser) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.parser = parser;
    }

    /** The application as filed (or as last corrected), kept as JSON in the record. */
    public AwardApplicationForm form(AwardApplication app) {
        return parser.parseJson(app.payload().getBytes(StandardCharsets.UTF_8));
    }

    private String payload(AwardApplicationForm form) {
        try {
            return json.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new application, with the id its process will have (null: none yet). */
    public void insert(AwardApplicationForm form, Channel channel, String processInstanceId) {
        LocalDateTime now = Utc.of(clock.instant());
        jdbc.update("INSERT INTO award_application (application_id, uscc, enterprise_name, county_code, policy_code, "
                        + "channel, event_date, status, payload, process_instance_id, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                form.applicationId(), form.uscc(), form.enterpriseName(), form.countyCode(), form.policyCode(),
                channel.name(), form.eventDate(), Status.CHECKING.name(), payload(form), processInstanceId, now, now);
    }

    /** A corrected application replaces the filed one (企业补正); its status follows the process ({@link AwardStatus}). */
    public void replace(AwardApplicationForm form) {
        jdbc.update("UPDATE award_application SET uscc=?, enterprise_name=?, county_code=?, policy_code=?, event_date=?, "
                        + "payload=?, updated_at=? WHERE application_id=?",
                form.uscc(), form.enterpriseName(), form.countyCode(), form.policyCode(), form.eventDate(),
                payload(form), Utc.of(clock.instant()), form.applicationId());
    }

    /** Replaces the filed data without restarting the checks (a clerk's correction of the bank account). */
    public void replaceForm(AwardApplicationForm form) {
        set(form.applicationId(), "payload", payload(form));
    }

    public Optional<AwardApplication> find(String applicationId) {
        return jdbc.query("SELECT * FROM award_application WHERE application_id = ?", ApplicationStore::map,
                applicationId).stream().findFirst();
    }

    /**
     * The application, its row locked until the transaction ends: two filings of one id (a correction sent twice,
     * by two intake workers, two nodes, or the file and the API; two objections) are decided one after the other,
     * the second seeing what the first did.
     */
    public Optional<AwardApplication> lock(String applicationId) {
        return jdbc.query("SELECT * FROM award_application WHERE application_id = ? FOR UPDATE", ApplicationStore::map,
                applicationId).stream().findFirst();
    }

    public AwardApplication get(String applicationId) {
        return find(applicationId).orElseThrow(() -> new IllegalStateException("no application " + applicationId));
    }

    public Status status(String applicationId) {
        return Status.valueOf(jdbc.queryForObject("SELECT status FROM award_application WHERE application_id = ?",
                String.class, applicationId));
    }

    public void setStatus(String applicationId, Status status) {
        set(applicationId, "status", status.name());
    }

    public void setProposedAmount(String applicationId, BigDecimal amount) {
        set(applicationId, "proposed_amount", amount);
    }

    public void setApprovedAmount(String applicationId, BigDecimal amount) {
        set(applicationId, "approved_amount", amount);
    }

    public void setReasons(String applicationId, List<String> reasons) {
        set(applicationId, "reasons", reasons.isEmpty() ? null : truncate(String.join("\n", reasons)));
    }

    private void set(String applicationId, String column, Object value) {
        jdbc.update("UPDATE award_application SET " + column + " = ?, updated_at = ? WHERE application_id = ?",
                value, Utc.of(clock.instant()), applicationId);
    }

    public void addEvent(String applicationId, String actor, String step, String decision, String comment,
                         BigDecimal amount) {
        jdbc.update("INSERT INTO application_event (id, application_id, occurred_at, actor, step, decision, remark, "
                        + "amount) VALUES (?,?,?,?,?,?,?,?)", UUID.randomUUID().toString(), applicationId,
                Utc.of(clock.instant()), actor, step, decision, comment == null ? null : truncate(comment), amount);
    }

    public List<Event> events(String applicationId) {
        return jdbc.query("SELECT * FROM application_event WHERE application_id = ? ORDER BY occurred_at, seq",
                (rs, i) -> new Event(Utc.instant(rs.getObject("occurred_at", LocalDateTime.class)),
                        rs.getString("actor"), rs.getString("step"), rs.getString("decision"), rs.getString("remark"),
                        rs.getBigDecimal("amount")), applicationId);
    }

    /** A page of applications, newest first. */
    public List<AwardApplication> page(Filter f, int page, int size) {
        return slice(f, (long) page * size, size);
    }

    /**
     * Up to {@code limit} applications from {@code offset} on, newest first: a page plus one more row tells whether
     * there is a next page (asking {@link #page} for size + 1 would shift every later page by one and lose a row).
     */
    public List<AwardApplication> slice(Filter f, long offset, int limit) {
        // A county's list (its clerks') or everyone's, unfiltered otherwise: walk the newest first and stop at the
        // page. Given the county's index, H2 read and sorted all of the county's applications on every page
        // (1.8 s p95 after a year, README "Performance"). `USE INDEX` is the same hint in H2, MariaDB and MySQL.
        // A list narrowed further (USCC, status, …) is left to the optimizer: a rare status would walk the table.
        boolean newestFirst = f.uscc() == null && f.policyCode() == null && f.status() == null && f.channel() == null;
        StringBuilder sql = new StringBuilder("SELECT * FROM award_application"
                + (newestFirst ? " USE INDEX (ix_application_created)" : "") + " WHERE 1=1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "uscc", f.uscc());
        where(sql, args, "policy_code", f.policyCode());
        where(sql, args, "status", f.status() == null ? null : f.status().name());
        where(sql, args, "channel", f.channel() == null ? null : f.channel().name());
        where(sql, args, "county_code", f.countyCode());
        sql.append(" ORDER BY created_at DESC, application_id DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), ApplicationStore::map, args.toArray());
    }

    private static void where(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1990) + " …";
    }

    private static AwardApplication map(ResultSet rs, int i) throws SQLException {
        String reasons = rs.getString("reasons");
        return new AwardApplication(rs.getString("application_id"), rs.getString("uscc"),
                rs.getString("enterprise_name"), rs.getString("county_code"), rs.getString("policy_code"),
                Channel.valueOf(rs.getString("channel")), rs.getObject("event_date", LocalDate.class),
                Status.valueOf(rs.getString("status")), rs.getBigDecimal("proposed_amount"),
                rs.getBigDecimal("approved_amount"), reasons == null ? List.of() : Arrays.asList(reasons.split("\n")),
                rs.getString("process_instance_id"), rs.getString("payload"),
                Utc.instant(rs.getObject("created_at", LocalDateTime.class)),
                Utc.instant(rs.getObject("updated_at", LocalDateTime.class)));
    }
}
