package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each policy's annual budget has used (tables {@code award_budget_use}, {@code award_budget_commitment}):
 * finance review commits an award, payment keeps it, rejection or withdrawal releases it. Every award is tracked,
 * also under policies without a budget, so a budget configured later starts from the true figure.
 * <p>
 * The reservation is one conditional UPDATE ({@code used + amount <= budget}): the database row lock makes a
 * second finance clerk approving at the same moment wait, then re-read the committed figure, on MariaDB (InnoDB
 * re-evaluates the WHERE on the latest version) and on H2 alike; no read-then-write race. Call inside the
 * completing transaction.
 */
@Repository
class BudgetLedger {

    private record Commitment(String policyCode, int year, BigDecimal amount, String status) {
    }

    private final JdbcTemplate jdbc;
    private final AwardBudgets budgets;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    BudgetLedger(JdbcTemplate jdbc, AwardBudgets budgets, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.budgets = budgets;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What is left of the policy's budget for the year; empty when it has no budget. */
    public Optional<BigDecimal> left(String policyCode, int year) {
        return budgets.of(policyCode, year).map(b -> b.subtract(used(policyCode, year)));
    }

    /** Committed and paid under the policy in the year. */
    public BigDecimal used(String policyCode, int year) {
        return jdbc.queryForList("SELECT used FROM award_budget_use WHERE policy_code = ? AND budget_year = ?",
                BigDecimal.class, policyCode, year).stream().findFirst().orElse(BigDecimal.ZERO);
    }

    /**
     * Commits the application's award, replacing its earlier commitment (a case sent back after finance approval
     * and approved again). Empty on success; else nothing changed and the result is what is left of the budget.
     */
    public Optional<BigDecimal> commit(String applicationId, String policyCode, int year, BigDecimal amount) {
        Optional<Commitment> earlier = commitment(applicationId);
        boolean sameRow = earlier.filter(c -> "COMMITTED".equals(c.status()) && c.policyCode().equals(policyCode)
                && c.year() == year).isPresent();
        BigDecimal delta = sameRow ? amount.subtract(earlier.get().amount()) : amount;
        open(policyCode, year);
        Optional<BigDecimal> budget = budgets.of(policyCode, year);
        int changed = budget.isPresent()
                ? jdbc.update("UPDATE award_budget_use SET used = used + ?, updated_at = ? WHERE policy_code = ? "
                        + "AND budget_year = ? AND used + ? <= ?", delta, now(), policyCode, year, delta, budget.get())
                : jdbc.update("UPDATE award_budget_use SET used = used + ?, updated_at = ? WHERE policy_code = ? "
                        + "AND budget_year = ?", delta, now(), policyCode, year);
        if (changed == 0) {
            return Optional.of(left(policyCode, year).orElseThrow());
        }
        if (!sameRow) {
            release(applicationId);
        }
        jdbc.update("DELETE FROM award_budget_commitment WHERE application_id = ?", applicationId);
        jdbc.update("INSERT INTO award_budget_commitment (application_id, policy_code, budget_year, amount, status, "
                + "updated_at) VALUES (?,?,?,?,?,?)", applicationId, policyCode, year, amount, "COMMITTED", now());
        return Optional.empty();
    }

    /** Gives a rejected or withdrawn case's commitment back to its budget; a paid award stays counted. */
    public void release(String applicationId) {
        commitment(applicationId).filter(c -> "COMMITTED".equals(c.status())).ifPresent(c -> {
            jdbc.update("UPDATE award_budget_use SET used = used - ?, updated_at = ? WHERE policy_code = ? "
                    + "AND budget_year = ?", c.amount(), now(), c.policyCode(), c.year());
            jdbc.update("DELETE FROM award_budget_commitment WHERE application_id = ?", applicationId);
        });
    }

    /** The award was paid: its commitment stays counted for good, whatever happens to the case later. */
    public void markPaid(String applicationId) {
        jdbc.update("UPDATE award_budget_commitment SET status = 'PAID', updated_at = ? WHERE application_id = ?",
                now(), applicationId);
    }

    private Optional<Commitment> commitment(String applicationId) {
        // a locking read: a commitment being replaced or released by a concurrent completion is waited for
        List<Commitment> found = jdbc.query("SELECT policy_code, budget_year, amount, status FROM "
                + "award_budget_commitment WHERE application_id = ? FOR UPDATE", (rs, i) -> new Commitment(
                rs.getString("policy_code"), rs.getInt("budget_year"), rs.getBigDecimal("amount"),
                rs.getString("status")), applicationId);
        return found.stream().findFirst();
    }

    /**
     * Creates the policy's row for the year in a transaction of its own, committed before the reservation: when
     * parallel approvals inserted it in their own transactions, the losers held shared locks from the duplicate key
     * and then all wanted the exclusive one (InnoDB deadlock, seen with 8 parallel clerks on MariaDB).
     */
    public void open(String policyCode, int year) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM award_budget_use WHERE policy_code = ? AND budget_year = ?",
                Integer.class, policyCode, year) == 0) {
            try {
                ownTransaction.executeWithoutResult(s -> jdbc.update("INSERT INTO award_budget_use (policy_code, "
                        + "budget_year, used, updated_at) VALUES (?,?,?,?)", policyCode, year, BigDecimal.ZERO, now()));
            } catch (DuplicateKeyException raced) {
                // another completion created it first: the conditional UPDATE serialises on it
            }
        }
    }

    private LocalDateTime now() {
        return Utc.of(clock.instant());
    }
}
