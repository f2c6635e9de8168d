package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.gov.sd.pilotzone.AtOnce;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance clerks approving at the same moment against one policy's budget (docs/money-rules.md): the budget ledger
 * on the hub's own database, each approval in its own transaction, as parallel task completions run. Exactly as
 * many awards as the budget holds are committed, never more; released commitments can be committed again.
 */
@HubIntegrationTest
class BudgetRaceIT {

    private static final int CLERKS = 8;
    private static final BigDecimal AWARD = new BigDecimal("100000.00");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void parallelFinanceApprovalsNeverOverdrawTheBudget() throws Exception {
        String policy = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
        BudgetLedger ledger = new BudgetLedger(jdbc, new AwardBudgets(List.of(
                new AwardBudgets.Budget(policy, 2030, new BigDecimal("500000.00")))), clock, transactions);
        List<Optional<BigDecimal>> results = race(ledger, policy, 2030);

        assertThat(results.stream().filter(Optional::isEmpty).count()).as("committed").isEqualTo(5);
        assertThat(ledger.used(policy, 2030)).isEqualByComparingTo("500000.00");
        assertThat(ledger.left(policy, 2030)).contains(new BigDecimal("0.00"));
    }

    @Test
    void aReleasedCommitmentGoesBackToTheBudgetAndAPaidOneStays() {
        String policy = "REL-" + UUID.randomUUID().toString().substring(0, 8);
        BudgetLedger ledger = new BudgetLedger(jdbc, new AwardBudgets(List.of(
                new AwardBudgets.Budget(policy, 2030, new BigDecimal("150000.00")))), clock, transactions);
        tx.executeWithoutResult(s -> assertThat(ledger.commit("A-" + policy, policy, 2030, AWARD)).isEmpty());
        tx.executeWithoutResult(s -> assertThat(ledger.commit("B-" + policy, policy, 2030, AWARD))
                .contains(new BigDecimal("50000.00")));
        tx.executeWithoutResult(s -> ledger.release("A-" + policy));
        tx.executeWithoutResult(s -> assertThat(ledger.commit("B-" + policy, policy, 2030, AWARD)).isEmpty());
        tx.executeWithoutResult(s -> ledger.markPaid("B-" + policy));
        tx.executeWithoutResult(s -> ledger.release("B-" + policy));
        assertThat(ledger.used(policy, 2030)).as("a paid award stays counted").isEqualByComparingTo(AWARD);
        // approved again after an objection, lower: only the difference moves
        tx.executeWithoutResult(s -> assertThat(ledger.commit("C-" + policy, policy, 2030, new BigDecimal("50000.00")))
                .isEmpty());
        tx.executeWithoutResult(s -> assertThat(ledger.commit("C-" + policy, policy, 2030, new BigDecimal("40000.00")))
                .isEmpty());
        assertThat(ledger.used(policy, 2030)).isEqualByComparingTo("140000.00");
    }

    private List<Optional<BigDecimal>> race(BudgetLedger ledger, String policy, int year) throws Exception {
        return AtOnce.run(CLERKS, i -> tx.execute(s -> ledger.commit(policy + "-" + i, policy, year, AWARD)));
    }
}
