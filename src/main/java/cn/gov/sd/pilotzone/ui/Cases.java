package cn.gov.sd.pilotzone.ui;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.registry.MuClasses;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.award.AwardChecks;
import cn.gov.sd.pilotzone.award.AwardAccess;
import cn.gov.sd.pilotzone.award.AwardApplication;
import cn.gov.sd.pilotzone.award.AwardApplicationForm;
import cn.gov.sd.pilotzone.award.AwardApplicationParser;
import cn.gov.sd.pilotzone.award.AwardApplications;
import cn.gov.sd.pilotzone.award.AwardCatalog;
import cn.gov.sd.pilotzone.award.AwardPolicy;
import cn.gov.sd.pilotzone.award.MoneyRules;
import cn.gov.sd.pilotzone.award.ApplicationStore;
import cn.gov.sd.pilotzone.award.Payments;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.zone.ZoneCaseAccess;
import cn.gov.sd.pilotzone.zone.ZonePlan;
import cn.gov.sd.pilotzone.task.TaskNotes;
import cn.gov.sd.pilotzone.task.TaskSearch;

import org.flowable.engine.HistoryService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A case as the task and case pages show it: the process instance, and for award applications the filed data,
 * its steps, payments and the catalog's limits; its comments, files and tasks. Also who may look at a
 * case: those who see everything, those who see the award application (the API's rule), and bureaus that had a
 * task in it.
 */
@Component
class Cases {

    /**
     * The award side of a case. {@code filed} is null when the stored payload no longer parses. {@code maximum} is
     * what the next review may approve (catalog rule and earlier reviewers' figures), {@code budgetLeft} what is
     * left this year of the policy's budget (null: no budget).
     */
    record AwardCase(AwardApplication app, AwardApplicationForm filed, AwardPolicy policy, BigDecimal maximum,
                     List<AwardApplication.Event> events, List<Payments.Instruction> payments, BigDecimal budgetLeft,
                     List<Check> checks, String muClass, boolean priority) {
    }

    /**
     * One automated check as the case shows it: what is checked (bundle key {@code check.item.*}), whether it
     * passed, and the problems it found in words.
     */
    record Check(String item, boolean passed, List<String> problems) {
    }

    /** The automated checks by the fields their problems name, in the order the checks run. */
    private static final List<Map.Entry<String, String>> CHECK_ITEMS = List.of(
            Map.entry("uscc", "uscc"), Map.entry("policy", "policyCode"), Map.entry("window", "eventDate"),
            Map.entry("credit", "uscc.credit"), Map.entry("inputs", "amounts"), Map.entry("attachments", "attachments"),
            Map.entry("bankAccount", "bankAccount"));

    record CaseInfo(String processInstanceId, String processKey, String processName, String businessKey,
                    boolean ended, AwardCase award, List<TaskNotes.Note> comments, List<TaskNotes.FileNote> files,
                    List<TaskSearch.DoneTask> tasks) {
    }

    private final HistoryService history;
    private final ApplicationStore store;
    private final AwardAccess awardAccess;
    private final AwardCatalog catalog;
    private final AwardApplicationParser parser;
    private final Payments payments;
    private final TaskNotes notes;
    private final TaskSearch search;
    private final MessageSource messages;
    private final AwardChecks awardChecks;
    private final EnterpriseRegistry enterprises;
    private final MuClasses muClasses;
    private final MoneyRules moneyRules;
    private final ZoneCaseAccess zoneCases;

    Cases(MoneyRules moneyRules, HistoryService history, ApplicationStore store, AwardAccess awardAccess,
          AwardCatalog catalog, AwardApplicationParser parser, Payments payments, TaskNotes notes, TaskSearch search,
          MessageSource messages, ZoneCaseAccess zoneCases, AwardChecks awardChecks, EnterpriseRegistry enterprises,
          MuClasses muClasses) {
        this.zoneCases = zoneCases;
        this.awardChecks = awardChecks;
        this.enterprises = enterprises;
        this.muClasses = muClasses;
        this.history = history;
        this.store = store;
        this.awardAccess = awardAccess;
        this.catalog = catalog;
        this.parser = parser;
        this.payments = payments;
        this.notes = notes;
        this.search = search;
        this.messages = messages;
        this.moneyRules = moneyRules;
    }

    boolean canSee(Caller caller, String processInstanceId) {
        if (caller.seesEverything()) {
            return true;
        }
        Optional<ZonePlan> zone = zoneCases.zoneOf(processInstanceId);
        if (zone.isPresent()) {
            return zoneCases.seesWholeCase(caller, zone.get());
        }
        HistoricProcessInstance pi = instance(processInstanceId);
        if (pi == null) {
            return false;
        }
        if (AwardApplications.PROCESS.equals(pi.getProcessDefinitionKey()) && pi.getBusinessKey() != null
                && store.find(pi.getBusinessKey()).filter(a -> awardAccess.canSee(caller, a)).isPresent()) {
            return true;
        }
        return search.worksOn(caller, processInstanceId);
    }

    Optional<AwardApplication> application(Caller caller, String applicationId) {
        return store.find(applicationId).filter(a -> awardAccess.canSee(caller, a));
    }

    /** The application behind a task the caller was already allowed to see (the task's scope is the check). */
    Optional<AwardApplication> applicationUnscoped(String applicationId) {
        return store.find(applicationId);
    }

    AwardCase award(AwardApplication app) {
        AwardApplicationForm filed;
        try {
            filed = app.payload() == null ? null : parser.parseJson(app.payload().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidInputException | IllegalArgumentException e) {
            filed = null;
        }
        Optional<AwardPolicy> policy = catalog.find(app.policyCode());
        AwardApplicationForm f = filed;
        List<AwardApplication.Event> events = store.events(app.applicationId());
        BigDecimal maximum = policy.flatMap(p -> {
            try {
                return f == null ? Optional.empty()
                        : MoneyRules.ceiling(p, f.amounts(), MoneyRules.earlierFigures(app, events));
            } catch (RuntimeException badInputs) {
                return Optional.empty();
            }
        }).orElse(null);
        String muClass = enterprises.find(app.uscc()).map(Enterprise::muClass)
                .orElse(null);
        return new AwardCase(app, filed, policy.orElse(null), maximum, events,
                payments.ofApplication(app.applicationId()), moneyRules.budgetLeft(app.policyCode()).orElse(null),
                filed == null ? List.of() : checks(filed), muClass, muClasses.priority(muClass));
    }

    /**
     * Every automated check with its result, evaluated again on the filed data (the same rules as the process's
     * step; the credit check against today's records).
     */
    private List<Check> checks(AwardApplicationForm filed) {
        List<Problem> problems = awardChecks.evaluate(filed).problems();
        Locale locale = LocaleContextHolder.getLocale();
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, String> item : CHECK_ITEMS) {
            List<String> found = problems.stream().filter(p -> belongs(p, item.getValue()))
                    .map(p -> (p.field() != null && p.field().startsWith("amounts.")
                            ? messages.getMessage("input." + p.field().substring(8), null, p.field().substring(8),
                                    locale) + "："
                            : "") + messages.getMessage(p.code(), p.args().toArray(), p.code(), locale))
                    .toList();
            checks.add(new Check(item.getKey(), found.isEmpty(), found));
        }
        return checks;
    }

    private static boolean belongs(Problem p, String field) {
        return switch (field) {
            case "uscc" -> "uscc".equals(p.field()) && !"check.creditRecord".equals(p.code());
            case "uscc.credit" -> "check.creditRecord".equals(p.code());
            case "policyCode" -> "policyCode".equals(p.field()) && !"check.duplicateAward".equals(p.code());
            case "amounts" -> p.field() != null && p.field().startsWith("amounts.");
            default -> field.equals(p.field());
        };
    }

    /**
     * A file of a case: for a zone lifecycle by ZoneCaseAccess's rule (a lead bureau sees its own tasks' documents,
     * not the plan), otherwise for whoever sees the case.
     */
    boolean canSeeFile(Caller caller, TaskNotes.FileNote file) {
        if (file.processInstanceId() == null) {
            return false;
        }
        Optional<ZonePlan> zone = zoneCases.zoneOf(file.processInstanceId());
        return zone.isPresent() ? zoneCases.seesDocument(caller, zone.get(), file.taskId())
                : canSee(caller, file.processInstanceId());
    }

    /**
     * Everything about the case of a process instance that the caller may see (who reaches a case through one of
     * its tasks sees only what ZoneCaseAccess allows of a zone lifecycle).
     */
    Optional<CaseInfo> info(Caller caller, String processInstanceId) {
        Optional<ZonePlan> zone = zoneCases.zoneOf(processInstanceId);
        if (zone.isPresent() && !zoneCases.seesWholeCase(caller, zone.get())) {
            ZonePlan plan = zone.get();
            return info(processInstanceId).map(i -> new CaseInfo(i.processInstanceId(), i.processKey(),
                    i.processName(), i.businessKey(), i.ended(), i.award(),
                    i.comments().stream().filter(c -> zoneCases.seesDocument(caller, plan, c.taskId())).toList(),
                    i.files().stream().filter(f -> zoneCases.seesDocument(caller, plan, f.taskId())).toList(),
                    i.tasks()));
        }
        return info(processInstanceId);
    }

    private Optional<CaseInfo> info(String processInstanceId) {
        HistoricProcessInstance pi = instance(processInstanceId);
        if (pi == null) {
            return Optional.empty();
        }
        AwardCase award = null;
        if (AwardApplications.PROCESS.equals(pi.getProcessDefinitionKey()) && pi.getBusinessKey() != null) {
            award = store.find(pi.getBusinessKey()).map(this::award).orElse(null);
        }
        return Optional.of(new CaseInfo(pi.getId(), pi.getProcessDefinitionKey(),
                pi.getProcessDefinitionName(), pi.getBusinessKey(), pi.getEndTime() != null, award,
                notes.comments(pi.getId()), notes.attachments(pi.getId()), search.ofCase(pi.getId())));
    }

    private HistoricProcessInstance instance(String processInstanceId) {
        return processInstanceId == null ? null
                : history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }
}
