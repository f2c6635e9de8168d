package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Money;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The money rules of the award process, written once and called from every entry (inbound file, hub API, page
 * form, feeds; docs/money-rules.md): what a review may approve (the catalog rule, the discretionary ceiling, never
 * above an earlier reviewer's figure), the budget a finance approval commits, the account a failed payment may be
 * re-issued to, the county a registered enterprise files under, and the date a receipt may carry. The amount's own
 * form (positive, 2 decimals, sane size) is {@link Money}'s. Each check returns the problems naming the field, so
 * every entry reports them as it reports any bad input.
 */
@Component
class MoneyRules {

    /** The reviews that set money, in order: a later one may lower an earlier one's figure, never raise it. */
    static final Set<String> REVIEWS = Set.of(AwardTaskForms.COUNTY_REVIEW, AwardTaskForms.CITY_REVIEW,
            AwardTaskForms.FINANCE_REVIEW);
    /** An account number: digits once spaces are taken out, 8 to 32 of them (Chinese bank accounts are 12–21). */
    private static final Pattern ACCOUNT = Pattern.compile("\\d{8,32}");

    private final AwardCatalog catalog;
    private final BudgetLedger budgets;
    private final EnterpriseRegistry registry;
    private final Clock clock;

    MoneyRules(AwardCatalog catalog, BudgetLedger budgets, EnterpriseRegistry registry, Clock clock) {
        this.catalog = catalog;
        this.budgets = budgets;
        this.registry = registry;
        this.clock = clock;
    }

    // ---- what a review may approve

    /**
     * The most a review may approve: the catalog rule's maximum for the filed inputs (fixed amount, cap,
     * percentage with cap, discretionary ceiling) and no more than any earlier reviewer's figure.
     */
    public static Optional<BigDecimal> ceiling(AwardPolicy policy, Map<String, Object> inputs,
                                               Collection<BigDecimal> earlierFigures) {
        Optional<BigDecimal> rule = policy.rule().maximum(inputs);
        Optional<BigDecimal> earlier = earlierFigures.stream().filter(Objects::nonNull).min(BigDecimal::compareTo);
        if (rule.isEmpty()) {
            return earlier;
        }
        return Optional.of(earlier.map(e -> e.min(rule.get())).orElse(rule.get()));
    }

    /** The problems with an amount a review sets ({@code approvedAmount}); empty when it may be approved. */
    public static List<Problem> reviewAmount(AwardPolicy policy, Map<String, Object> inputs,
                                             Collection<BigDecimal> earlierFigures, BigDecimal amount) {
        List<Problem> problems = new ArrayList<>();
        Optional<String> form = Money.problem(amount, Money.Sign.POSITIVE);
        if (form.isPresent()) {
            problems.add(Problem.of("approvedAmount", form.get(), Money.LIMIT));
            return problems;
        }
        Optional<BigDecimal> rule = policy.rule().maximum(inputs);
        if (rule.isPresent() && amount.compareTo(rule.get()) > 0) {
            problems.add(Problem.of("approvedAmount", "task.amountAboveMaximum", rule.get()));
        }
        earlierFigures.stream().filter(Objects::nonNull).min(BigDecimal::compareTo)
                .filter(earlier -> amount.compareTo(earlier) > 0)
                .ifPresent(earlier -> problems.add(Problem.of("approvedAmount", "money.aboveEarlierReview", earlier)));
        return problems;
    }

    /**
     * The figures earlier reviews of the application approved or set: each review event's amount and the
     * application's current approved amount. A later review (also after a return or an objection) stays below all.
     */
    public static List<BigDecimal> earlierFigures(AwardApplication app, List<AwardApplication.Event> events) {
        List<BigDecimal> figures = new ArrayList<>();
        events.stream().filter(e -> REVIEWS.contains(e.step()) && e.amount() != null).map(AwardApplication.Event::amount)
                .forEach(figures::add);
        if (app.approvedAmount() != null) {
            figures.add(app.approvedAmount());
        }
        return figures;
    }

    /** The catalog entry of an application; a stored application always has a known policy. */
    public AwardPolicy policy(AwardApplication app) {
        return catalog.find(app.policyCode())
                .orElseThrow(() -> new IllegalStateException("unknown policy " + app.policyCode()));
    }

    // ---- the budget

    /** The budget year of an approval made now: the calendar year of today's date (UTC). */
    public int budgetYear() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
    }

    /** What is left this budget year of the policy's budget; empty when it has none. */
    public Optional<BigDecimal> budgetLeft(String policyCode) {
        return budgets.left(policyCode, budgetYear());
    }

    /**
     * Commits a finance approval against the policy's budget, or refuses it naming {@code approvedAmount} with
     * what is left: the refusal rolls the whole completion back. Atomic against parallel approvals
     * ({@link BudgetLedger}); call in the completing transaction.
     * <p>
     * The reservation locks the policy's row for the year until the transaction commits, so it is made last, just
     * before the commit, after the engine's work: parallel finance approvals then wait for each other's commit
     * only, not for each other's process step (README "Performance": 181 lock waits, 10 s in all, among four
     * clerks on H2 when it was made first).
     */
    public void commitBudget(AwardApplication app, BigDecimal amount) {
        int year = budgetYear();
        Runnable commit = () -> budgets.commit(app.applicationId(), app.policyCode(), year, amount).ifPresent(left -> {
            throw new InvalidInputException(Problem.of("approvedAmount", "budget.exceeded", amount,
                    left.max(BigDecimal.ZERO), app.policyCode(), String.valueOf(year))); // a year, not 2,026
        });
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            commit.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                commit.run();
            }
        });
    }

    /** The case ended without payment: its commitment goes back to the budget. */
    public void releaseBudget(String applicationId) {
        budgets.release(applicationId);
    }

    public void budgetPaid(String applicationId) {
        budgets.markPaid(applicationId);
    }

    /**
     * The check before a payment instruction leaves the hub, whatever path led there: the amount is a valid
     * award within the catalog rule and every reviewer's figure. A breach is a bug, not bad input: it stops the
     * process step (a dead letter the administrators see) rather than pay.
     */
    public void requirePayable(AwardApplication app, Map<String, Object> inputs, List<AwardApplication.Event> events) {
        List<Problem> problems = payableProblems(policy(app), app, inputs, events);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to pay " + app.applicationId() + " " + app.amount() + ": "
                    + problems);
        }
    }

    /** What would stop a payment of the application's amount; empty when it may be paid. */
    public static List<Problem> payableProblems(AwardPolicy policy, AwardApplication app, Map<String, Object> inputs,
                                                List<AwardApplication.Event> events) {
        BigDecimal amount = app.amount();
        List<BigDecimal> reviews = events.stream().filter(e -> REVIEWS.contains(e.step()) && e.amount() != null)
                .map(AwardApplication.Event::amount).toList();
        return amount == null ? List.of(Problem.of("approvedAmount", "field.required"))
                : reviewAmount(policy, inputs, reviews, amount);
    }

    // ---- accounts

    /** An account number as the bank knows it: spaces removed. */
    public static String account(String accountNo) {
        return accountNo == null ? null : accountNo.replace(" ", "").replace("\u3000", "");
    }

    /** The problem with an account number at {@code field}: not digits, or not 8 to 32 of them. */
    public static Optional<Problem> accountProblem(String field, String accountNo) {
        String digits = account(accountNo);
        return digits == null || ACCOUNT.matcher(digits).matches() ? Optional.empty()
                : Optional.of(Problem.of(field, "account.format"));
    }

    /**
     * Re-issuing a failed payment: a comment saying why, and a well-formed account that differs from every one
     * the bank refused for the application. The decision ending the payment (reject) needs only the comment, which the task API asks for.
     */
    public static List<Problem> reissue(Collection<String> failedAccounts, String newAccountNo, String comment) {
        List<Problem> problems = new ArrayList<>();
        if (comment == null || comment.isBlank()) {
            problems.add(Problem.of("comment", "task.commentRequired"));
        }
        if (newAccountNo == null || newAccountNo.isBlank()) {
            problems.add(Problem.of("fields.accountNo", "reissue.accountRequired"));
            return problems;
        }
        accountProblem("fields.accountNo", newAccountNo).ifPresentOrElse(problems::add, () -> {
            if (failedAccounts.stream().map(MoneyRules::account).anyMatch(account(newAccountNo)::equals)) {
                problems.add(Problem.of("fields.accountNo", "reissue.sameAccount"));
            }
        });
        return problems;
    }

    // ---- county and receipts

    /** A registered enterprise files under the registry's county, not a county of its choosing. */
    public Optional<Problem> county(String uscc, String countyCode) {
        return registry.find(uscc).map(Enterprise::countyCode).filter(Objects::nonNull)
                .filter(registered -> !registered.equals(countyCode))
                .map(registered -> Problem.of("countyCode", "countyCode.notRegistry", countyCode, registered));
    }

    /** A receipt's {@code paid_on} cannot be after today (in China, the earliest date a bank can have written). */
    public Optional<Problem> paidOn(LocalDate paidOn) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        return paidOn != null && paidOn.isAfter(today)
                ? Optional.of(Problem.of("paid_on", "receipt.paidOnFuture", paidOn, today)) : Optional.empty();
    }
}
