package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.award.AwardApplicationForm.BankAccount;
import cn.gov.sd.pilotzone.exchange.Outbox;

import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The automated steps of {@code awardApplication} after the checks, called from the BPMN as
 * {@code ${awardSteps.…(execution)}}: the public notice, the payment instruction, the end.
 */
@Component("awardSteps")
public class AwardSteps {

    static final String NOTICES = "public-notices";
    static final String RESULTS = "application-results";

    private final ApplicationStore store;
    private final Payments payments;
    private final AwardLedger ledger;
    private final AwardCatalog catalog;
    private final Outbox outbox;
    private final AwardSettings settings;
    private final MoneyRules rules;
    private final Clock clock;

    AwardSteps(ApplicationStore store, Payments payments, AwardLedger ledger, AwardCatalog catalog,
                      Outbox outbox, AwardSettings settings, MoneyRules rules, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.payments = payments;
        this.ledger = ledger;
        this.catalog = catalog;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Enters the public notice period (公示): the award goes on the notice list for the government portal. */
    public void publishNotice(DelegateExecution execution) {
        AwardApplication app = store.get(execution.getProcessInstanceBusinessKey());
        LocalDate from = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("application_id", app.applicationId());
        row.put("uscc", app.uscc());
        row.put("enterprise_name", app.enterpriseName());
        row.put("county_code", app.countyCode());
        row.put("policy_code", app.policyCode());
        row.put("policy_name", catalog.find(app.policyCode()).map(AwardPolicy::name).orElse(""));
        row.put("amount", app.amount().setScale(2).toPlainString());
        row.put("notice_from", from.toString());
        row.put("notice_until", from.plusDays(Math.max(settings.publicNoticePeriod().toDays(), 1)).toString());
        outbox.add(NOTICES, app.applicationId(), row);
        store.addEvent(app.applicationId(), "system", "publicNotice", null, null, app.amount());
    }

    /** Issues a payment instruction to the account on file, or the one the finance clerk corrected. */
    public void issuePayment(DelegateExecution execution) {
        AwardApplication app = store.get(execution.getProcessInstanceBusinessKey());
        AwardApplicationForm filed = store.form(app);
        rules.requirePayable(app, filed.amounts(), store.events(app.applicationId()));
        BankAccount bank = filed.bankAccount();
        Payments.Account account = new Payments.Account(bank.bankName(), bank.accountName(), bank.accountNo());
        String paymentId = payments.issue(app, app.amount(), account);
        execution.setVariable("paymentId", paymentId);
        store.addEvent(app.applicationId(), "system", "issuePayment", null, paymentId, app.amount());
    }

    /**
     * For cases still running on a version of the process deployed before {@link AwardStatus} (their model calls
     * these from listeners of its own): the database keeps every deployed version, and such a case must still end.
     */
    public void status(DelegateExecution execution, String status) {
        store.setStatus(execution.getProcessInstanceBusinessKey(), Status.valueOf(status));
    }

    /** See {@link #status}: an older version's end task names its outcome itself. */
    public void finish(DelegateExecution execution, String outcome) {
        status(execution, outcome);
        finish(execution);
    }

    /**
     * Ends the case in the status its end task set ({@link AwardStatus}): the ledger entry (paid) or its release
     * (rejected, withdrawn), and the result file.
     */
    public void finish(DelegateExecution execution) {
        String applicationId = execution.getProcessInstanceBusinessKey();
        AwardApplication app = store.get(applicationId);
        Status status = app.status();
        String outcome = status.name();
        BigDecimal amount = status == Status.PAID ? app.amount() : null;
        if (status == Status.PAID) {
            String paymentId = (String) execution.getVariable("paymentId");
            ledger.markPaid(applicationId, amount, paymentId, payments.find(paymentId).map(Payments.Instruction::paidOn)
                    .orElse(null));
            rules.budgetPaid(applicationId);
        } else {
            ledger.release(applicationId);
            rules.releaseBudget(applicationId);
        }
        if (status == Status.REJECTED && app.reasons().isEmpty() && execution.getVariable("comment") != null) {
            store.setReasons(applicationId, List.of((String) execution.getVariable("comment")));
        }
        store.addEvent(applicationId, "system", "end", outcome, null, amount);
        AwardApplication ended = store.get(applicationId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("applicationId", applicationId);
        result.put("status", outcome);
        result.put("amount", amount == null ? null : amount.setScale(2));
        result.put("reasons", ended.reasons());
        outbox.add(RESULTS, applicationId, result);
    }
}
