package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.gov.sd.pilotzone.award.AwardPolicy.Input;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.CreditRecords;
import cn.gov.sd.pilotzone.registry.Uscc;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 1 of {@code awardApplication} (docs/processes.md): the automated checks, every failing reason recorded, and step 2,
 * the proposed amount from the catalog rule. Runs again after each correction. The form was checked on intake;
 * the USCC and the policy are checked again here because a process can also be started by an administrator.
 */
@Component("awardChecks")
class AwardChecks implements JavaDelegate {

    /** The outcome: the reasons for rejection (none = passed) and the proposed amount (none = discretionary). */
    public record Result(List<Problem> problems, Optional<BigDecimal> proposedAmount) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private final AwardCatalog catalog;
    private final CreditRecords credit;
    private final AwardLedger ledger;
    private final ApplicationStore store;
    private final Messages messages;
    private final Clock clock;

    AwardChecks(AwardCatalog catalog, CreditRecords credit, AwardLedger ledger, ApplicationStore store,
                       Messages messages, Clock clock) {
        this.catalog = catalog;
        this.credit = credit;
        this.ledger = ledger;
        this.store = store;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicationId = execution.getProcessInstanceBusinessKey();
        AwardApplication app = store.get(applicationId);
        AwardApplicationForm form = store.form(app);
        Result result = evaluate(form);
        List<Problem> problems = new ArrayList<>(result.problems());
        ledger.release(applicationId);
        if (problems.isEmpty()) {
            ledger.reserve(form.uscc(), form.policyCode(), form.eventDate().getYear(), applicationId)
                    .ifPresent(holder -> problems.add(Problem.of("policyCode", "check.duplicateAward", holder)));
        }
        List<String> reasons = messages.bilingual(problems);
        store.setReasons(applicationId, reasons);
        store.setProposedAmount(applicationId, result.proposedAmount().orElse(null));
        store.addEvent(applicationId, "system", "automatedChecks", problems.isEmpty() ? "approve" : "reject",
                problems.isEmpty() ? null : String.join("\n", reasons), result.proposedAmount().orElse(null));
        execution.setVariable("checksPassed", problems.isEmpty());
    }

    /** The checks that need no reservation: callable from tests and from the intake of recognition lists. */
    public Result evaluate(AwardApplicationForm form) {
        List<Problem> problems = new ArrayList<>();
        Uscc.problem(form.uscc()).ifPresent(code -> problems.add(Problem.of("uscc", code)));
        Optional<AwardPolicy> found = catalog.find(form.policyCode());
        if (found.isEmpty()) {
            problems.add(Problem.of("policyCode", "policyCode.unknown", form.policyCode()));
            return new Result(problems, Optional.empty());
        }
        AwardPolicy policy = found.get();
        if (form.eventDate() == null || !policy.validOn(form.eventDate())) {
            problems.add(Problem.of("eventDate", "check.outsideWindow", form.eventDate(), policy.validFrom(),
                    policy.validTo()));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        credit.activeOn(form.uscc(), today).ifPresent(r -> problems.add(Problem.of("uscc", "check.creditRecord",
                r.recordType(), r.listedOn())));
        boolean inputsComplete = true;
        for (Input input : policy.inputs()) {
            Object value = form.amounts().get(input.name());
            String field = "amounts." + input.name();
            if (value == null) {
                problems.add(Problem.of(field, "check.inputMissing"));
                inputsComplete = false;
            } else if (!typeMatches(input, value)) {
                problems.add(Problem.of(field, "check.inputType", input.type()));
                inputsComplete = false;
            } else if (input.min() != null && ((BigDecimal) value).compareTo(BigDecimal.valueOf(input.min())) < 0) {
                problems.add(Problem.of(field, "check.inputBelowMin", input.min()));
            } else if (input.mustBe() != null && !input.mustBe().equals(value)) {
                problems.add(Problem.of(field, "check.inputMustBe", input.mustBe()));
            }
        }
        if (form.attachments().size() < policy.minAttachments()) {
            problems.add(Problem.of("attachments", "check.attachments", policy.minAttachments()));
        }
        if (form.bankAccount() == null) {
            problems.add(Problem.of("bankAccount", "check.bankAccount"));
        }
        Optional<BigDecimal> proposed = inputsComplete ? policy.rule().propose(form.amounts()) : Optional.empty();
        return new Result(problems, proposed);
    }

    private static boolean typeMatches(Input input, Object value) {
        return switch (input.type()) {
            case BOOLEAN -> value instanceof Boolean;
            case INTEGER -> value instanceof BigDecimal n && n.stripTrailingZeros().scale() <= 0;
            case MONEY -> value instanceof BigDecimal;
        };
    }
}
