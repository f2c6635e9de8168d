package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.FeedLog;
import cn.gov.sd.pilotzone.exchange.OutboundFormats;
import cn.gov.sd.pilotzone.exchange.Outbox;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The money rules as properties (docs/money-rules.md): for any sequence of reviews (with any amounts, also
 * absurd ones), returns, objections, payment failures, re-issues to any account and receipts (also repeated and
 * with other bank references) over a few applications sharing one policy's budget, driven through the real rule
 * class ({@link MoneyRules}), the real budget ledger and the real payment instructions on H2:
 * nothing is paid above the catalog rule, above any earlier reviewer's figure or beyond the budget, no
 * application is paid twice, and no payment is re-issued to an account the bank refused.
 */
class MoneyPropertiesTest {

    private static final AwardCatalog CATALOG = new AwardCatalog(new ConfigFiles("config"));
    private static final JdbcTemplate JDBC = new JdbcTemplate(database());
    private static final TransactionTemplate TX = new TransactionTemplate(
            new DataSourceTransactionManager(JDBC.getDataSource()));
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Payments PAYMENTS = new Payments(JDBC,
            new Outbox(JDBC, CLOCK, new OutboundFormats(Map.of()), new FeedLog(JDBC, CLOCK)), CLOCK);
    private static final List<String> STEPS = List.of("countyReview", "cityReview", "financeReview");
    private static final String FIRST_ACCOUNT = "1607001109200012345";

    private static DataSource database() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:money-properties;DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    /** One thing that happens to one of the applications. */
    sealed interface Action permits Decide, Objection, Receipt, Reissue {
        int app();
    }

    record Decide(int app, String decision, BigDecimal amount) implements Action {
    }

    record Objection(int app) implements Action {
    }

    record Receipt(int app, boolean paid, String reference) implements Action {
    }

    record Reissue(int app, String accountNo, String comment) implements Action {
    }

    enum Stage { REVIEW, NOTICE, PAYING, FAILED, PAID, ENDED }

    /** The process's state of one application, as far as money goes: the model, not the rules. */
    static final class Case {
        final String id = "P-" + UUID.randomUUID();
        final Map<String, Object> inputs;
        final BigDecimal proposed;
        Stage stage = Stage.REVIEW;
        int step;
        BigDecimal approved;
        final List<BigDecimal> figures = new ArrayList<>();
        final List<AwardApplication.Event> events = new ArrayList<>();
        final List<String> paymentIds = new ArrayList<>();
        String account = FIRST_ACCOUNT;

        Case(Map<String, Object> inputs, BigDecimal proposed) {
            this.inputs = inputs;
            this.proposed = proposed;
        }

        BigDecimal amount() {
            return approved != null ? approved : proposed;
        }

        AwardApplication application(String policyCode) {
            return new AwardApplication(id, "91370705MAAY4CL12X", "属性测试企业", "370705", policyCode,
                    AwardApplication.Channel.APPLY, LocalDate.of(2024, 1, 1), AwardApplication.Status.IN_REVIEW,
                    proposed, approved, List.of(), null, null, Instant.now(), Instant.now());
        }
    }

    @Property(tries = 150)
    void paidMoneyStaysWithinRuleBudgetAndEveryEarlierFigure(@ForAll("policies") AwardPolicy policy,
            @ForAll("investments") BigDecimal investment, @ForAll("budgets") BigDecimal budget,
            @ForAll @Size(max = 60) List<@From("actions") Action> actions) {
        Map<String, Object> inputs = Map.of("equipmentInvestment", investment, "resolutionCount",
                new BigDecimal("2000000"), "topNodeConnected", true, "insurancePremium", investment);
        int year = 2000 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100);
        String policyKey = policy.code();
        BudgetLedger ledger = new BudgetLedger(JDBC, new AwardBudgets(List.of(
                new AwardBudgets.Budget(policyKey, year, budget))), CLOCK);
        JDBC.update("DELETE FROM award_budget_use WHERE policy_code = ? AND budget_year = ?", policyKey, year);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(new Case(inputs, policy.rule().propose(inputs).orElse(null)));
        }
        for (Action a : actions) {
            Case c = cases.get(a.app());
            TX.executeWithoutResult(s -> apply(policy, ledger, year, c, a));
        }

        BigDecimal committedAndPaid = BigDecimal.ZERO;
        for (Case c : cases) {
            List<Payments.Instruction> paid = PAYMENTS.ofApplication(c.id).stream()
                    .filter(p -> p.status() == Payments.Status.PAID).toList();
            assertThat(paid).as("paid at most once").hasSizeLessThanOrEqualTo(1);
            for (Payments.Instruction p : paid) {
                policy.rule().maximum(inputs).ifPresent(max -> assertThat(p.amount()).isLessThanOrEqualTo(max));
                c.figures.forEach(f -> assertThat(p.amount()).as("within every reviewer's figure")
                        .isLessThanOrEqualTo(f));
            }
            for (int k = 1; k < c.paymentIds.size(); k++) {
                List<String> refused = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    refused.add(MoneyRules.account(account(c.paymentIds.get(j))));
                }
                assertThat(MoneyRules.account(account(c.paymentIds.get(k)))).as("re-issued to a corrected account")
                        .isNotIn(refused).matches("\\d{8,32}");
            }
            committedAndPaid = committedAndPaid.add(JDBC.queryForList("SELECT amount FROM award_budget_commitment "
                    + "WHERE application_id = ?", BigDecimal.class, c.id).stream().findFirst().orElse(BigDecimal.ZERO));
        }
        Statistics.label("applications paid").collect(cases.stream().filter(c -> c.stage == Stage.PAID).count());
        Statistics.label("payments re-issued").collect(cases.stream().anyMatch(c -> c.paymentIds.size() > 1));
        assertThat(committedAndPaid).as("committed and paid within the budget").isLessThanOrEqualTo(budget);
        assertThat(ledger.used(policyKey, year)).as("the ledger's figure is its commitments").isEqualByComparingTo(
                committedAndPaid);
    }

    private static String account(String paymentId) {
        return JDBC.queryForObject("SELECT account_no FROM payment_instruction WHERE payment_id = ?", String.class,
                paymentId);
    }

    /** The process around the rules: which action is possible at which stage, and what the rules let through. */
    private static void apply(AwardPolicy policy, BudgetLedger ledger, int year, Case c, Action a) {
        if (a instanceof Decide d && c.stage == Stage.REVIEW) {
            review(policy, ledger, year, c, d);
        } else if (a instanceof Objection && c.stage == Stage.NOTICE) {
            c.stage = Stage.REVIEW;
            c.step = 1;
        } else if (a instanceof Receipt && c.stage == Stage.NOTICE) {
            issue(policy, c, c.account); // the notice period ended
        } else if (a instanceof Receipt r && (c.stage == Stage.PAYING || c.stage == Stage.PAID)) {
            boolean recorded = PAYMENTS.recordReceipt(c.paymentIds.get(c.paymentIds.size() - 1),
                    r.paid() ? Payments.Status.PAID : Payments.Status.FAILED, LocalDate.now(), r.reference(), null);
            if (recorded && r.paid()) {
                c.stage = Stage.PAID;
                ledger.markPaid(c.id);
            } else if (recorded) {
                c.stage = Stage.FAILED;
            }
        } else if (a instanceof Reissue r && c.stage == Stage.FAILED
                && MoneyRules.reissue(PAYMENTS.failedAccounts(c.id), r.accountNo(), r.comment()).isEmpty()) {
            issue(policy, c, r.accountNo());
        } else if (a instanceof Decide d && "reject".equals(d.decision()) && c.stage == Stage.FAILED) {
            c.stage = Stage.ENDED; // payment stopped
            ledger.release(c.id);
        }
    }

    private static void review(AwardPolicy policy, BudgetLedger ledger, int year, Case c, Decide d) {
        switch (d.decision()) {
            case "approve" -> {
                List<BigDecimal> earlier = MoneyRules.earlierFigures(c.application(policy.code()), c.events);
                if (d.amount() != null && !MoneyRules.reviewAmount(policy, c.inputs, earlier, d.amount()).isEmpty()) {
                    return;
                }
                BigDecimal amount = d.amount() != null ? d.amount() : c.amount();
                if (amount == null) {
                    return;
                }
                if (c.step == 2) {
                    Optional<BigDecimal> refused = ledger.commit(c.id, policy.code(), year, amount);
                    if (refused.isPresent()) {
                        return;
                    }
                }
                c.approved = amount;
                c.figures.add(amount);
                c.events.add(new AwardApplication.Event(Instant.now(), "clerk", STEPS.get(c.step), "approve", null,
                        d.amount()));
                if (c.step == 2) {
                    c.stage = Stage.NOTICE;
                } else {
                    c.step++;
                }
            }
            case "return" -> c.step = Math.max(0, c.step - 1);
            default -> {
                c.stage = Stage.ENDED;
                ledger.release(c.id);
            }
        }
    }

    private static void issue(AwardPolicy policy, Case c, String accountNo) {
        AwardApplication app = c.application(policy.code());
        assertThat(MoneyRules.payableProblems(policy, app, c.inputs, c.events)).as("payable").isEmpty();
        c.paymentIds.add(PAYMENTS.issue(app, app.amount(), new Payments.Account("工行", "属性测试企业", accountNo)));
        c.account = accountNo;
        c.stage = Stage.PAYING;
    }

    @Provide
    Arbitrary<AwardPolicy> policies() {
        return Arbitraries.of(List.copyOf(CATALOG.all()));
    }

    @Provide
    Arbitrary<BigDecimal> investments() {
        return Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("200000000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> budgets() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("3000000")).ofScale(2);
    }

    @Provide
    Arbitrary<Action> actions() {
        Arbitrary<Integer> app = Arbitraries.integers().between(0, 2);
        Arbitrary<BigDecimal> amount = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-10"), new BigDecimal("6000000")).ofScale(2),
                Arbitraries.of(new BigDecimal("1e20"), new BigDecimal("9999999999999.99"), new BigDecimal("0.001"),
                        BigDecimal.ZERO),
                Arbitraries.just(null));
        Arbitrary<Action> decide = Combinators.combine(app, Arbitraries.of("approve", "approve", "approve", "return",
                "reject"), amount).as(Decide::new);
        Arbitrary<Action> object = app.map(Objection::new);
        Arbitrary<Action> receipt = Combinators.combine(app, Arbitraries.of(true, false),
                Arbitraries.of("REF-1", "REF-2")).as(Receipt::new);
        Arbitrary<Action> reissue = Combinators.combine(app, Arbitraries.of(FIRST_ACCOUNT, "1607 0011 0920 0012 345",
                "abc-123", "1.6070011092001E+018", "62220200000000009", "6222020000000000001", "1234567"),
                Arbitraries.of("已更正账号", "")).as(Reissue::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, decide), net.jqwik.api.Tuple.of(1, object),
                net.jqwik.api.Tuple.of(3, receipt), net.jqwik.api.Tuple.of(2, reissue));
    }
}
