package cn.gov.sd.pilotzone.award;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Receipts 市财政局 must look at (table {@code payment_alert}): a second {@code PAID} receipt for a paid instruction
 * with another bank reference may be a double transfer. The receipt is not applied (the application stays paid
 * once); the alert stands on the case history and the dashboard until resolved (docs/money-rules.md). The same
 * receipt sent again raises no second alert.
 */
@Repository
public class PaymentAlerts {

    public static final String DOUBLE_TRANSFER = "POSSIBLE_DOUBLE_TRANSFER";

    public record Alert(long id, String applicationId, String paymentId, String kind, String bankReference,
                        String firstReference, LocalDate paidOn, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final ApplicationStore store;
    private final Clock clock;

    PaymentAlerts(JdbcTemplate jdbc, ApplicationStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    /** Raises a possible double transfer; false when this very receipt had raised it already. */
    public boolean doubleTransfer(Payments.Instruction paid, String bankReference, LocalDate paidOn) {
        try {
            jdbc.update("INSERT INTO payment_alert (application_id, payment_id, kind, bank_reference, first_reference, "
                    + "paid_on, created_at) VALUES (?,?,?,?,?,?,?)", paid.applicationId(), paid.paymentId(),
                    DOUBLE_TRANSFER, bankReference, paid.bankReference(), paidOn, Utc.of(clock.instant()));
        } catch (DuplicateKeyException again) {
            return false;
        }
        // the history's decision column holds 16 characters; the step names the alert
        store.addEvent(paid.applicationId(), "czj-system", "possibleDoubleTransfer", "ALERT",
                paid.paymentId() + ": " + paid.bankReference() + " / " + bankReference, paid.amount());
        return true;
    }

    /** Alerts not yet resolved, newest first. */
    public List<Alert> open() {
        return jdbc.query("SELECT * FROM payment_alert WHERE resolved_at IS NULL ORDER BY created_at DESC",
                (rs, i) -> new Alert(rs.getLong("alert_id"), rs.getString("application_id"), rs.getString("payment_id"),
                        rs.getString("kind"), rs.getString("bank_reference"), rs.getString("first_reference"),
                        rs.getObject("paid_on", LocalDate.class),
                        Utc.instant(rs.getObject("created_at", LocalDateTime.class))));
    }
}
