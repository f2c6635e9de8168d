package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.gov.sd.pilotzone.common.Utc;
import cn.gov.sd.pilotzone.exchange.Outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Payment instructions to 市财政局 and their receipts. An application has at most one live instruction: a new one
 * is issued only after a {@code FAILED} receipt, and the failed one is voided, so an application is never paid twice.
 */
@Repository
public class Payments {

    public static final String FEED = "payment-instructions";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    public enum Status { ISSUED, PAID, FAILED, VOID }

    public record Instruction(String paymentId, String applicationId, BigDecimal amount, Status status,
                              LocalDate paidOn, String bankReference, String message) {
    }

    /** Where the money goes: the application's account, or the one the finance clerk corrected. */
    public record Account(String bankName, String accountName, String accountNo) {
    }

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;

    public Payments(JdbcTemplate jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Voids earlier failed instructions and issues a new one, in the caller's transaction. */
    public String issue(AwardApplication app, BigDecimal amount, Account account) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM payment_instruction WHERE application_id = ? AND status IN "
                + "('ISSUED','PAID')", Integer.class, app.applicationId()) > 0) {
            throw new IllegalStateException("application " + app.applicationId() + " already has a live instruction");
        }
        LocalDateTime now = Utc.of(clock.instant());
        jdbc.update("UPDATE payment_instruction SET status = 'VOID', updated_at = ? WHERE application_id = ? "
                + "AND status = 'FAILED'", now, app.applicationId());
        String paymentId = "PAY-" + DAY.format(clock.instant()) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        LocalDate approvedOn = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.update("INSERT INTO payment_instruction (payment_id, application_id, uscc, enterprise_name, policy_code, "
                        + "amount, bank_name, account_name, account_no, approved_on, status, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", paymentId, app.applicationId(), app.uscc(),
                app.enterpriseName(), app.policyCode(), amount, account.bankName(), account.accountName(),
                account.accountNo(), approvedOn, Status.ISSUED.name(), now, now);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("payment_id", paymentId);
        row.put("application_id", app.applicationId());
        row.put("uscc", app.uscc());
        row.put("enterprise_name", app.enterpriseName());
        row.put("policy_code", app.policyCode());
        row.put("amount", amount.setScale(2).toPlainString());
        row.put("bank_name", account.bankName());
        row.put("account_name", account.accountName());
        row.put("account_no", account.accountNo());
        row.put("approved_on", approvedOn.toString());
        outbox.add(FEED, paymentId, row);
        return paymentId;
    }

    public Optional<Instruction> find(String paymentId) {
        return jdbc.query("SELECT * FROM payment_instruction WHERE payment_id = ?", (rs, i) -> new Instruction(
                rs.getString("payment_id"), rs.getString("application_id"), rs.getBigDecimal("amount"),
                Status.valueOf(rs.getString("status")), rs.getObject("paid_on", LocalDate.class),
                rs.getString("bank_reference"), rs.getString("message")), paymentId).stream().findFirst();
    }

    public List<Instruction> ofApplication(String applicationId) {
        return jdbc.query("SELECT * FROM payment_instruction WHERE application_id = ? ORDER BY created_at",
                (rs, i) -> new Instruction(rs.getString("payment_id"), rs.getString("application_id"),
                        rs.getBigDecimal("amount"), Status.valueOf(rs.getString("status")),
                        rs.getObject("paid_on", LocalDate.class), rs.getString("bank_reference"),
                        rs.getString("message")), applicationId);
    }

    /**
     * The accounts the bank refused for the application: those of its failed instructions (a failed one is voided
     * when the next is issued, and only failed ones are). A re-issue must not use any of them again.
     */
    public List<String> failedAccounts(String applicationId) {
        return jdbc.queryForList("SELECT account_no FROM payment_instruction WHERE application_id = ? AND status IN "
                + "('FAILED','VOID')", String.class, applicationId);
    }

    /** Records a receipt on an issued instruction; false when the instruction was not waiting for one. */
    public boolean recordReceipt(String paymentId, Status status, LocalDate paidOn, String bankReference, String message) {
        return jdbc.update("UPDATE payment_instruction SET status = ?, paid_on = ?, bank_reference = ?, message = ?, "
                        + "updated_at = ? WHERE payment_id = ? AND status = 'ISSUED'", status.name(), paidOn,
                bankReference, message, Utc.of(clock.instant()), paymentId) == 1;
    }
}
