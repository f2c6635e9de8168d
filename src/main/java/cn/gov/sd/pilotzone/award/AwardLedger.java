package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The award ledger (奖励台账): one award per enterprise, policy and event year, whichever channel came first.
 * The primary key enforces it even when two applications race on two nodes: the automated checks reserve the
 * row, a rejection or withdrawal releases it, payment marks it {@code PAID}.
 */
@Repository
public class AwardLedger {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AwardLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Reserves the award for this application; empty on success, else the application that holds it. */
    public Optional<String> reserve(String uscc, String policyCode, int eventYear, String applicationId) {
        for (int attempt = 0; ; attempt++) {
            try {
                jdbc.update("INSERT INTO award_ledger (uscc, policy_code, event_year, application_id, status, "
                        + "updated_at) VALUES (?,?,?,?,?,?)", uscc, policyCode, eventYear, applicationId, "RESERVED",
                        Utc.of(clock.instant()));
                return Optional.empty();
            } catch (DuplicateKeyException e) {
                // a locking read: under InnoDB's REPEATABLE READ a plain SELECT reads this transaction's snapshot,
                // taken before the racing application committed its reservation, and finds nothing
                Optional<String> holder = jdbc.queryForList("SELECT application_id FROM award_ledger WHERE uscc = ? "
                        + "AND policy_code = ? AND event_year = ? FOR UPDATE", String.class, uscc, policyCode, eventYear)
                        .stream().findFirst();
                if (holder.isPresent()) {
                    return holder.get().equals(applicationId) ? Optional.empty() : holder;
                }
                if (attempt >= 2) {
                    throw new ConcurrencyFailureException("award ledger entry " + uscc + "/"
                            + policyCode + "/" + eventYear + " keeps changing");
                }
                // released in between (the holder was rejected or withdrew): try to reserve again
            }
        }
    }

    /** The application holding the award (reserved or paid), if any: what a recognition list checks first. */
    public Optional<String> holder(String uscc, String policyCode, int eventYear) {
        return jdbc.queryForList("SELECT application_id FROM award_ledger WHERE uscc = ? AND policy_code = ? "
                + "AND event_year = ?", String.class, uscc, policyCode, eventYear).stream().findFirst();
    }

    public void release(String applicationId) {
        jdbc.update("DELETE FROM award_ledger WHERE application_id = ? AND status = 'RESERVED'", applicationId);
    }

    public void markPaid(String applicationId, BigDecimal amount, String paymentId, LocalDate paidOn) {
        jdbc.update("UPDATE award_ledger SET status = 'PAID', amount = ?, payment_id = ?, paid_on = ?, updated_at = ? "
                + "WHERE application_id = ?", amount, paymentId, paidOn, Utc.of(clock.instant()), applicationId);
    }
}
