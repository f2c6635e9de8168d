package cn.gov.sd.pilotzone.ui;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.TaskNotes;
import cn.gov.sd.pilotzone.task.TaskSearch;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A case as the task and case pages show it: the process instance, and for award applications the filed data,
 * its steps, payments and the catalog's limits; its comments, files, tasks and diagram. Also who may look at a
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
                     List<AwardApplication.Event> events, List<Payments.Instruction> payments, BigDecimal budgetLeft) {
    }

    record CaseInfo(String processInstanceId, String processKey, String processName, String businessKey,
                    boolean ended, AwardCase award, List<TaskNotes.Note> comments, List<TaskNotes.FileNote> files,
                    List<TaskSearch.DoneTask> tasks, String diagram) {
    }

    private final HistoryService history;
    private final RepositoryService repository;
    private final ApplicationStore store;
    private final AwardAccess awardAccess;
    private final AwardCatalog catalog;
    private final AwardApplicationParser parser;
    private final Payments payments;
    private final TaskNotes notes;
    private final TaskSearch search;
    private final MessageSource messages;
    private final MoneyRules moneyRules;

    Cases(MoneyRules moneyRules, HistoryService history, RepositoryService repository, ApplicationStore store, AwardAccess awardAccess,
          AwardCatalog catalog, AwardApplicationParser parser, Payments payments, TaskNotes notes, TaskSearch search,
          MessageSource messages) {
        this.history = history;
        this.repository = repository;
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
        return new AwardCase(app, filed, policy.orElse(null), maximum, events,
                payments.ofApplication(app.applicationId()), moneyRules.budgetLeft(app.policyCode()).orElse(null));
    }

    /** Everything about the case of a process instance; the caller checked {@link #canSee} first. */
    Optional<CaseInfo> info(String processInstanceId) {
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
                notes.comments(pi.getId()), notes.attachments(pi.getId()), search.ofCase(pi.getId()),
                diagram(pi)));
    }

    /** The case's diagram: where it waits now (unfinished activities), where it has been, the flows it took. */
    String diagram(HistoricProcessInstance pi) {
        BpmnModel model = repository.getBpmnModel(pi.getProcessDefinitionId());
        Set<String> active = new HashSet<>();
        Set<String> done = new HashSet<>();
        Set<String> flows = new HashSet<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId()).list()) {
            if ("sequenceFlow".equals(a.getActivityType())) {
                flows.add(a.getActivityId());
            } else if (a.getEndTime() == null) {
                active.add(a.getActivityId());
            } else {
                done.add(a.getActivityId());
            }
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return BpmnSvg.render(model, new BpmnSvg.Marks(active, done, flows), (FlowElement e) -> english
                ? messages.getMessage("step." + e.getId(), null, e.getName(), LocaleContextHolder.getLocale())
                : e.getName());
    }

    private HistoricProcessInstance instance(String processInstanceId) {
        return processInstanceId == null ? null
                : history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }
}
