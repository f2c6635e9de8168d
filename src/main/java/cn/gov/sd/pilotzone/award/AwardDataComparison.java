package cn.gov.sd.pilotzone.award;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.award.AwardApplicationForm.BankAccount;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 数据比对 of channel {@code AUTO} (免申即享, docs/processes.md): the enterprise did not file, so the registry (一企一档)
 * supplies the county and the bank account into the application's payload, and the list's enterprise name is
 * compared with the registered one (the registered name is used; a difference is noted for the county clerk).
 * <p>
 * The checks that do not depend on the enterprise's answer run here already (credit record, policy window), and
 * the award is reserved in the ledger at once: the list came first, so a filed application for the same
 * enterprise, policy and year arriving while the clerk asks the enterprise is refused, not this one. A missing
 * bank account does not stop the case: the clerk records it at intent confirmation (意愿确认).
 */
@Component("awardDataComparison")
class AwardDataComparison implements JavaDelegate {

    private final ApplicationStore store;
    private final EnterpriseRegistry registry;
    private final BureauDirectory bureaus;
    private final AwardChecks checks;
    private final AwardLedger ledger;
    private final Messages messages;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    AwardDataComparison(ApplicationStore store, EnterpriseRegistry registry, BureauDirectory bureaus,
                               AwardChecks checks, AwardLedger ledger, Messages messages) {
        this.store = store;
        this.registry = registry;
        this.bureaus = bureaus;
        this.checks = checks;
        this.ledger = ledger;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicationId = execution.getProcessInstanceBusinessKey();
        AwardApplication app = store.get(applicationId);
        // the payload of a list row is incomplete (no county yet): read as stored, not through store.form(), which
        // validates it as a filed application
        AwardApplicationForm listed = read(app.payload());
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        Optional<Enterprise> found = registry.find(app.uscc());
        if (found.isEmpty()) {
            problems.add(Problem.of("uscc", "comparison.notInRegistry", app.uscc()));
        } else if (found.get().countyCode() == null || bureaus.county(found.get().countyCode()).isEmpty()) {
            problems.add(Problem.of("countyCode", "comparison.noCounty", found.get().countyCode()));
        } else {
            Enterprise e = found.get();
            BankAccount bank = e.bankName() != null && e.accountName() != null && e.accountNo() != null
                    ? new BankAccount(e.bankName(), e.accountName(), e.accountNo()) : null;
            AwardApplicationForm filled = new AwardApplicationForm(applicationId, app.uscc(), e.name(), e.countyCode(),
                    app.policyCode(), app.eventDate(), listed.amounts(), listed.contact(), bank, listed.attachments());
            store.replace(filled);
            execution.setVariable("countyGroup", BureauDirectory.countyGroup(e.countyCode()));
            notes.add(Problem.of(null, "comparison.filled", e.countyCode(),
                    bureaus.county(e.countyCode()).map(b -> b.name()).orElse("")));
            if (!sameName(listed.enterpriseName(), e.name())) {
                notes.add(Problem.of("enterpriseName", "comparison.nameDiffers", listed.enterpriseName(), e.name()));
            }
            if (bank == null) {
                notes.add(Problem.of("bankAccount", "comparison.noBankAccount"));
            }
            checks.evaluate(filled).problems().stream().filter(p -> !"bankAccount".equals(p.field()))
                    .forEach(problems::add);
            if (problems.isEmpty()) {
                ledger.reserve(app.uscc(), app.policyCode(), app.eventDate().getYear(), applicationId)
                        .ifPresent(holder -> problems.add(Problem.of("policyCode", "check.duplicateAward", holder)));
            }
        }
        List<String> reasons = messages.bilingual(problems);
        List<String> remarks = new ArrayList<>(messages.bilingual(notes));
        remarks.addAll(reasons);
        store.setReasons(applicationId, reasons);
        store.addEvent(applicationId, "system", "dataComparison", problems.isEmpty() ? "approve" : "reject",
                String.join("\n", remarks), null);
        execution.setVariable("comparisonPassed", problems.isEmpty());
    }

    /** Names compared as a clerk would: full-width and half-width forms, spaces and brackets alike. */
    static boolean sameName(String listed, String registered) {
        return normalize(listed).equals(normalize(registered));
    }

    private static String normalize(String name) {
        return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private AwardApplicationForm read(String payload) {
        try {
            return json.readValue(payload, AwardApplicationForm.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable payload", e);
        }
    }

}
