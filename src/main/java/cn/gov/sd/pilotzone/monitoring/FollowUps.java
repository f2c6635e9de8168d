package cn.gov.sd.pilotzone.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import cn.gov.sd.pilotzone.common.Utc;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import jakarta.annotation.PreDestroy;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.sd.pilotzone.exchange.RetryLaterException;

/**
 * The one-to-one follow-ups (一对一包靠, seed 001 item 14) of enterprises on the fluctuation list: table
 * {@code enterprise_follow_up} and process {@code enterpriseFollowUp} (business key {@code uscc:period}), bean
 * {@code followUps} for the BPMN's status steps.
 * <p>
 * Exactly one per enterprise and period, also when the month is re-sent or two nodes read files of the same month:
 * the operation-data file's transaction registers the row ({@code PENDING}, primary key uscc + period); the process
 * is started afterwards in a transaction of its own that first flips the row to {@code OPEN} with a conditional
 * UPDATE, so only one starter wins. Starting is kept out of the file's transaction on purpose: a statistics file of
 * 100,000 rows stays a batch insert, and a crash after the data was committed loses nothing (the sweep starts what
 * is still pending).
 */
@Service("followUps")
public class FollowUps {

    public static final String PROCESS = "enterpriseFollowUp";
    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);
    private static final int PAGE = 50;

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;
    private final BureauDirectory bureaus;
    private final MonitoringSettings settings;
    private final Clock clock;
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "follow-up-starter");
        t.setDaemon(true);
        return t;
    });

    public FollowUps(JdbcTemplate jdbc, RuntimeService runtime, PlatformTransactionManager transactions,
                     BureauDirectory bureaus, MonitoringSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tx = new TransactionTemplate(transactions);
        this.bureaus = bureaus;
        this.settings = settings;
        this.clock = clock;
    }

    public static String businessKey(String uscc, String period) {
        return uscc + ":" + period;
    }

    /**
     * Registers a follow-up for each fluctuation, in the caller's (the file's) transaction, and starts them once
     * that transaction has committed. A concurrent registration of the same enterprise and period (another node,
     * the same month) loses on the primary key: the file is then retried and finds them registered.
     */
    public int register(List<Fluctuation> fluctuations) {
        if (fluctuations.isEmpty()) {
            return 0;
        }
        LocalDateTime now = Utc.of(clock.instant());
        try {
            jdbc.batchUpdate("INSERT INTO enterprise_follow_up (uscc, period, county_code, candidate_group, status, "
                    + "revenue_change, electricity_change, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                    fluctuations, 500, (ps, f) -> {
                        ps.setString(1, f.uscc());
                        ps.setString(2, f.period());
                        ps.setString(3, f.countyCode());
                        ps.setString(4, candidateGroup(f.countyCode()));
                        ps.setString(5, FollowUpStatus.PENDING.name());
                        ps.setBigDecimal(6, f.revenueChange());
                        ps.setBigDecimal(7, f.electricityChange());
                        ps.setObject(8, now);
                        ps.setObject(9, now);
                    });
        } catch (DuplicateKeyException e) {
            throw new RetryLaterException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    startSoon();
                }
            });
        } else {
            startSoon();
        }
        return fluctuations.size();
    }

    /** The county's industry bureau, or {@code hub.monitoring.unassigned-group} for an enterprise without one. */
    String candidateGroup(String countyCode) {
        return Optional.ofNullable(countyCode).flatMap(bureaus::county).map(b -> b.code())
                .orElse(settings.unassignedGroup());
    }

    private void startSoon() {
        try {
            starter.execute(this::startPending);
        } catch (RejectedExecutionException e) {
            log.debug("shutting down: pending follow-ups are started by the next sweep");
        }
    }

    /** Catches what a crash or a failed start left pending (every node runs it; the conditional UPDATE decides). */
    @Scheduled(fixedDelayString = "${hub.monitoring.follow-up-sweep:PT1M}", initialDelayString = "PT10S")
    public void sweep() {
        startPending();
    }

    /** Starts every pending follow-up, each in its own transaction; returns how many this call started. */
    public int startPending() {
        int started = 0;
        while (true) {
            List<Map<String, Object>> page = jdbc.queryForList("SELECT uscc, period FROM enterprise_follow_up "
                    + "WHERE status = ? ORDER BY created_at, uscc LIMIT " + PAGE, FollowUpStatus.PENDING.name());
            int before = started;
            for (Map<String, Object> row : page) {
                try {
                    if (Boolean.TRUE.equals(tx.execute(s -> start((String) row.get("uscc"), (String) row.get("period"))))) {
                        started++;
                    }
                } catch (RuntimeException e) {
                    log.warn("follow-up {} not started, the next sweep retries: {}", row, e.getMessage());
                }
            }
            if (page.size() < PAGE || started == before) {
                return started;
            }
        }
    }

    private boolean start(String uscc, String period) {
        LocalDateTime now = Utc.of(clock.instant());
        if (jdbc.update("UPDATE enterprise_follow_up SET status = ?, updated_at = ? WHERE uscc = ? AND period = ? "
                + "AND status = ?", FollowUpStatus.OPEN.name(), now, uscc, period, FollowUpStatus.PENDING.name()) != 1) {
            return false; // another starter took it
        }
        Map<String, Object> row = jdbc.queryForMap("SELECT f.candidate_group, f.county_code, e.name FROM "
                + "enterprise_follow_up f LEFT JOIN enterprise e ON e.uscc = f.uscc WHERE f.uscc = ? AND f.period = ?",
                uscc, period);
        Map<String, Object> vars = new HashMap<>();
        vars.put("uscc", uscc);
        vars.put("period", period);
        vars.put("enterpriseName", row.get("name") == null ? uscc : row.get("name"));
        vars.put("countyGroup", row.get("candidate_group"));
        vars.put("followUpPeriod", settings.followUpPeriod().toString());
        String id = runtime.startProcessInstanceByKey(PROCESS, businessKey(uscc, period), vars).getId();
        jdbc.update("UPDATE enterprise_follow_up SET process_instance_id = ? WHERE uscc = ? AND period = ?", id, uscc,
                period);
        return true;
    }

    /** BPMN: the case moves on ({@code OPEN} when the clerk has it again, {@code IN_REVIEW} at the supervisor). */
    public void status(DelegateExecution execution, String status) {
        setStatus(execution.getProcessInstanceBusinessKey(), FollowUpStatus.valueOf(status), null);
    }

    /** BPMN: the contact is overdue; the supervisors get a task (督办) and the list shows it. */
    public void escalate(DelegateExecution execution) {
        setStatus(execution.getProcessInstanceBusinessKey(), FollowUpStatus.ESCALATED, null);
    }

    /** BPMN: a supervisor closed it (办结). */
    public void close(DelegateExecution execution) {
        setStatus(execution.getProcessInstanceBusinessKey(), FollowUpStatus.CLOSED, Utc.of(clock.instant()));
    }

    /** What the county clerk found (存在问题) and agreed (帮扶措施) with the enterprise. */
    public void recordContact(String businessKey, String problems, String measures, String contactPerson,
                              LocalDate contactedOn, String handledBy) {
        Key key = Key.of(businessKey);
        jdbc.update("UPDATE enterprise_follow_up SET problems = ?, measures = ?, contact_person = ?, contacted_on = ?, "
                        + "handled_by = ?, updated_at = ? WHERE uscc = ? AND period = ?", problems, measures,
                contactPerson, contactedOn, handledBy, Utc.of(clock.instant()), key.uscc(), key.period());
    }

    /** A follow-up as stored. */
    public record FollowUp(String uscc, String period, String countyCode, String candidateGroup, FollowUpStatus status,
                           String processInstanceId, String problems, String measures, String contactPerson,
                           LocalDate contactedOn, String handledBy) {
    }

    public Optional<FollowUp> find(String uscc, String period) {
        return jdbc.query("SELECT * FROM enterprise_follow_up WHERE uscc = ? AND period = ?", FollowUps::row, uscc,
                period).stream().findFirst();
    }

    /** The follow-up a process instance of {@link #PROCESS} is about, by its business key {@code uscc:period}. */
    public Optional<FollowUp> ofBusinessKey(String businessKey) {
        Key key = Key.of(businessKey);
        return find(key.uscc(), key.period());
    }

    /** Every follow-up of an enterprise, the newest period first. */
    public List<FollowUp> ofEnterprise(String uscc) {
        return jdbc.query("SELECT * FROM enterprise_follow_up WHERE uscc = ? ORDER BY period DESC", FollowUps::row,
                uscc);
    }

    private static FollowUp row(ResultSet rs, int i) throws SQLException {
        return new FollowUp(rs.getString("uscc"), rs.getString("period"), rs.getString("county_code"),
                rs.getString("candidate_group"), FollowUpStatus.valueOf(rs.getString("status")),
                rs.getString("process_instance_id"), rs.getString("problems"), rs.getString("measures"),
                rs.getString("contact_person"), rs.getObject("contacted_on", LocalDate.class),
                rs.getString("handled_by"));
    }

    private void setStatus(String businessKey, FollowUpStatus status, LocalDateTime closedAt) {
        Key key = Key.of(businessKey);
        jdbc.update("UPDATE enterprise_follow_up SET status = ?, updated_at = ?, closed_at = ? WHERE uscc = ? "
                + "AND period = ?", status.name(), Utc.of(clock.instant()), closedAt, key.uscc(), key.period());
    }

    /** uscc and period from a business key {@code uscc:period}. */
    record Key(String uscc, String period) {
        static Key of(String businessKey) {
            int colon = businessKey == null ? -1 : businessKey.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a follow-up business key: " + businessKey);
            }
            return new Key(businessKey.substring(0, colon), businessKey.substring(colon + 1));
        }
    }

    @PreDestroy
    void stop() {
        starter.shutdownNow();
    }
}
