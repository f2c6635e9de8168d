package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.award.AwardApplicationForm.BankAccount;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.CompletionForm;
import cn.gov.sd.pilotzone.task.FormField;
import cn.gov.sd.pilotzone.task.ProcessForms;
import cn.gov.sd.pilotzone.task.TaskForm;
import cn.gov.sd.pilotzone.task.TaskView;

import org.springframework.stereotype.Component;

/**
 * The award process's task forms: reviews decide approve / reject / return and may set {@code approvedAmount}
 * (never above the catalog's amount, and required for discretionary policies); the payment-failure task
 * re-issues (approve, optionally with a corrected bank account in {@code fields}) or ends the case (reject).
 * <p>
 * Intent confirmation (意愿确认, channel AUTO) is not a review: the county clerk records the enterprise's answer,
 * approve = the enterprise accepts the award, reject = it declines (the case ends {@code WITHDRAWN}: the enterprise
 * withdrew, no authority refused it; the clerk's comment becomes the reason). No amount is set there; the clerk may
 * record the bank account the enterprise gives in {@code fields}, and must when the registry had none.
 */
@Component
class AwardTaskForms implements ProcessForms {

    static final String INTENT_CONFIRMATION = "intentConfirmation";
    static final String COUNTY_REVIEW = "countyReview";
    static final String CITY_REVIEW = "cityReview";
    static final String FINANCE_REVIEW = "financeReview";
    static final String PAYMENT_CORRECTION = "paymentCorrection";
    private static final List<String> ACCOUNT_FIELDS = List.of("bankName", "accountName", "accountNo");
    private static final int MAX_ACCOUNT_TEXT = 200;

    private final ApplicationStore store;
    private final MoneyRules rules;
    private final Payments payments;
    private final Messages messages;

    AwardTaskForms(ApplicationStore store, MoneyRules rules, Payments payments, Messages messages) {
        this.store = store;
        this.rules = rules;
        this.payments = payments;
        this.messages = messages;
    }

    @Override
    public String processDefinitionKey() {
        return AwardApplications.PROCESS;
    }

    @Override
    public List<TaskForm> forms() {
        List<FormField> account = ACCOUNT_FIELDS.stream().map(f -> FormField.of(f, FormField.Kind.TEXT, false)).toList();
        return List.of(
                review(COUNTY_REVIEW), review(CITY_REVIEW), review(FINANCE_REVIEW),
                TaskForm.of(INTENT_CONFIRMATION, TaskForm.APPROVE_REJECT).withFields(account)
                        .withCheck(this::checkIntent).withEffect(this::correctAccount),
                TaskForm.of(PAYMENT_CORRECTION, TaskForm.APPROVE_REJECT).withFields(account)
                        .withCheck(this::checkReissue)
                        .withEffect(this::correctAccount));
    }

    private TaskForm review(String taskKey) {
        return TaskForm.of(taskKey, TaskForm.ANY).withAmount().withCheck(this::checkAmount).withEffect(this::record);
    }

    /** The money rules of a review (ceilings, lower-never-raise) are MoneyRules'; the form only asks them. */
    private void checkAmount(TaskView task, CompletionForm form, List<Problem> problems) {
        AwardApplication app = store.get(task.businessKey());
        BigDecimal amount = form.approvedAmount();
        if (amount != null) {
            problems.addAll(MoneyRules.reviewAmount(rules.policy(app), store.form(app).amounts(),
                    MoneyRules.earlierFigures(app, store.events(app.applicationId())), amount));
        }
        if (CompletionForm.APPROVE.equals(form.decision()) && amount == null && app.amount() == null) {
            problems.add(Problem.of("approvedAmount", "task.amountRequired"));
        }
    }

    private void checkIntent(TaskView task, CompletionForm form, List<Problem> problems) {
        checkAccount(form, problems);
        if (CompletionForm.APPROVE.equals(form.decision())
                && store.form(store.get(task.businessKey())).bankAccount() == null
                && !form.fields().keySet().containsAll(ACCOUNT_FIELDS)) {
            ACCOUNT_FIELDS.stream().filter(k -> !form.fields().containsKey(k)).sorted()
                    .forEach(k -> problems.add(Problem.of("fields." + k, "intent.bankAccountRequired")));
        }
    }

    /** A failed payment is re-issued only to a corrected account (MoneyRules.reissue). */
    private void checkReissue(TaskView task, CompletionForm form, List<Problem> problems) {
        checkAccount(form, problems);
        if (CompletionForm.APPROVE.equals(form.decision())) {
            MoneyRules.reissue(payments.failedAccounts(task.businessKey()),
                    form.fields().get("accountNo") instanceof String s ? s : null, form.comment()).stream()
                    .filter(p -> !problems.contains(p)).forEach(problems::add);
        }
    }

    private static void checkAccount(CompletionForm form, List<Problem> problems) {
        form.fields().forEach((k, v) -> {
            if (ACCOUNT_FIELDS.contains(k) && (!(v instanceof String text) || text.isBlank()
                    || text.length() > MAX_ACCOUNT_TEXT)) {
                problems.add(Problem.of("fields." + k, "field.notText"));
            }
        });
        if (form.fields().get("accountNo") instanceof String accountNo) {
            MoneyRules.accountProblem("fields.accountNo", accountNo).ifPresent(problems::add);
        }
    }

    private void correctAccount(TaskView task, CompletionForm form, Caller caller, Map<String, Object> variables) {
        String applicationId = task.businessKey();
        if (!form.fields().isEmpty()) {
            AwardApplicationForm filed = store.form(store.get(applicationId));
            BankAccount old = filed.bankAccount();
            BankAccount corrected = new BankAccount(
                    (String) form.fields().getOrDefault("bankName", old == null ? null : old.bankName()),
                    (String) form.fields().getOrDefault("accountName", old == null ? null : old.accountName()),
                    (String) form.fields().getOrDefault("accountNo", old == null ? null : old.accountNo()));
            store.replaceForm(new AwardApplicationForm(filed.applicationId(), filed.uscc(), filed.enterpriseName(),
                    filed.countyCode(), filed.policyCode(), filed.eventDate(), filed.amounts(), filed.contact(),
                    corrected, filed.attachments()));
        }
        if (INTENT_CONFIRMATION.equals(task.taskDefinitionKey()) && CompletionForm.REJECT.equals(form.decision())) {
            store.setReasons(applicationId, List.of(messages.bilingual(Problem.of(null, "intent.declined",
                    form.comment()))));
        }
        record(task, form, caller, variables);
    }

    private void record(TaskView task, CompletionForm form, Caller caller, Map<String, Object> variables) {
        String applicationId = task.businessKey();
        if (form.approvedAmount() != null) {
            store.setApprovedAmount(applicationId, form.approvedAmount());
        }
        if (FINANCE_REVIEW.equals(task.taskDefinitionKey()) && CompletionForm.APPROVE.equals(form.decision())) {
            AwardApplication approved = store.get(applicationId); // read after the approved amount is set
            rules.commitBudget(approved, approved.amount());
        }
        store.addEvent(task.businessKey(), caller.username(), task.taskDefinitionKey(), form.decision(),
                form.comment(), form.approvedAmount());
    }
}
