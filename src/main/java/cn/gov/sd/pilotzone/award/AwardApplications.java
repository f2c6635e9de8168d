package cn.gov.sd.pilotzone.award;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.common.ConflictException;
import cn.gov.sd.pilotzone.common.FreeText;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import org.flowable.common.engine.impl.cfg.IdGenerator;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.runtime.Execution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What can happen to an application from outside its user tasks: it is filed (by file or API), corrected,
 * objected to during the notice period, and paid or not according to the finance bureau's receipt. Each runs in
 * one transaction with the process engine, so a failure leaves neither a record without a process nor the reverse.
 */
@Service
public class AwardApplications {

    private static final int MAX_OBJECTION = 1000;

    public static final String PROCESS = "awardApplication";
    /** The process variable holding the application id (also its business key). */
    static final String APPLICATION_ID = "applicationId";

    public record Submitted(String applicationId, String processInstanceId, Status status) {
    }

    /** A filing whose applicationId is known and not waiting for a correction. */
    public static class DuplicateApplicationException extends ConflictException {
        public DuplicateApplicationException(String applicationId) {
            super(Problem.of("applicationId", "applicationId.duplicate", applicationId));
        }
    }

    /** An action that the application's current state does not allow. */
    public static class WrongStateException extends ConflictException {
        WrongStateException(Problem problem) {
            super(problem);
        }
    }

    private final ApplicationStore store;
    private final RuntimeService runtime;
    private final Payments payments;
    private final MoneyRules rules;
    private final IdGenerator ids;

    AwardApplications(ApplicationStore store, RuntimeService runtime, Payments payments, MoneyRules rules,
                      ProcessEngineConfigurationImpl engine) {
        this.rules = rules;
        this.ids = engine.getIdGenerator();
        this.store = store;
        this.runtime = runtime;
        this.payments = payments;
    }

    /** Files an application, or resumes the one waiting for this correction. */
    @Transactional
    public Submitted submit(AwardApplicationForm form, Channel channel, String actor) {
        if (form.countyCode() != null) {
            rules.county(form.uscc(), form.countyCode()).ifPresent(p -> {
                throw new InvalidInputException(p);
            });
        }
        // a new application is the usual case: written first, and only a known id is read (a correction resumes)
        String processInstanceId = ids.getNextId();
        try {
            store.insert(form, channel, processInstanceId);
        } catch (DuplicateKeyException e) {
            // locked: of two corrections at once, the second waits and finds the application under review again
            AwardApplication existing = store.lock(form.applicationId()).orElseThrow(() -> e);
            if (existing.status() != Status.CORRECTION) {
                throw new DuplicateApplicationException(form.applicationId());
            }
            return resume(existing, form, actor);
        }
        store.addEvent(form.applicationId(), actor, "submitted", null, channel.name(), null);
        // the instance's id given in advance, so the record carries it from its INSERT on (no UPDATE after the start)
        runtime.createProcessInstanceBuilder().processDefinitionKey(PROCESS).businessKey(form.applicationId())
                .predefineProcessInstanceId(processInstanceId).variables(startVariables(form, channel)).start();
        return new Submitted(form.applicationId(), processInstanceId, store.status(form.applicationId()));
    }

    /** The application of this id, if one was filed. */
    public Optional<AwardApplication> find(String applicationId) {
        return store.find(applicationId);
    }

    /**
     * Records the application without starting its process nor logging its submission: for the benchmark, which
     * starts the process straight through the engine ({@link #startVariables}) to measure what the intake adds.
     */
    public void record(AwardApplicationForm form, Channel channel) {
        store.insert(form, channel, null);
    }

    /**
     * The variables an application's process starts with. Public for the benchmark, which starts the same process
     * straight through the engine to measure what the intake adds.
     */
    public Map<String, Object> startVariables(AwardApplicationForm form, Channel channel) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(APPLICATION_ID, form.applicationId());
        vars.put("channel", channel.name());
        vars.put("policyCode", form.policyCode());
        if (form.countyCode() != null) {
            // an AUTO application (免申即享) gets its county from the registry in the process's data comparison
            vars.put("countyGroup", BureauDirectory.countyGroup(form.countyCode()));
        }
        return vars;
    }

    private Submitted resume(AwardApplication app, AwardApplicationForm form, String actor) {
        if (!app.uscc().equals(form.uscc())) {
            throw new InvalidInputException(Problem.of("uscc", "correction.otherEnterprise", app.uscc()));
        }
        Execution waiting = waitingAt(app.applicationId(), "awaitCorrection");
        store.replace(form);
        store.addEvent(app.applicationId(), actor, "corrected", null, null, null);
        runtime.setVariable(waiting.getProcessInstanceId(), "countyGroup", BureauDirectory.countyGroup(form.countyCode()));
        runtime.trigger(waiting.getId());
        return new Submitted(app.applicationId(), app.processInstanceId(), store.get(app.applicationId()).status());
    }

    /**
     * An objection during the notice period sends the case back to city review. Its reason is free text that goes
     * into the case history and the exports, so it follows the formula rule (docs/security.md) at every entry.
     */
    @Transactional
    public void object(String applicationId, String reason, String actor) {
        List<Problem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "field.required"));
        } else if (reason.length() > MAX_OBJECTION) {
            problems.add(Problem.of("reason", "field.tooLong", MAX_OBJECTION));
        } else {
            FreeText.check("reason", reason, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // locked: of two objections at once, the second waits and finds the notice period over
        AwardApplication app = store.lock(applicationId).orElseThrow(() -> new WrongStateException(
                Problem.of("applicationId", "application.notFound", applicationId)));
        if (app.status() != Status.PUBLIC_NOTICE) {
            throw new WrongStateException(Problem.of("applicationId", "application.notInNotice", applicationId));
        }
        store.addEvent(applicationId, actor, "objection", "return", reason, null);
        runtime.trigger(waitingAt(applicationId, "publicNotice").getId());
    }

    /** Applies a receipt from the finance bureau to the instruction and the waiting process. */
    @Transactional
    public void receipt(String paymentId, Payments.Status status, LocalDate paidOn, String bankReference, String message) {
        Payments.Instruction instruction = payments.find(paymentId)
                .orElseThrow(() -> new WrongStateException(Problem.of("payment_id", "receipt.unknownPayment", paymentId)));
        if (!payments.recordReceipt(paymentId, status, paidOn, bankReference, message)) {
            throw new WrongStateException(Problem.of("payment_id", "receipt.notWaiting", paymentId,
                    instruction.status()));
        }
        store.addEvent(instruction.applicationId(), "czj-system", "paymentReceipt", status.name(),
                message == null || message.isBlank() ? bankReference : message, instruction.amount());
        Map<String, Object> vars = Map.of("paymentStatus", status.name(), "paymentId", paymentId);
        runtime.trigger(waitingAt(instruction.applicationId(), "awaitReceipt").getId(), vars);
    }

    private Execution waitingAt(String applicationId, String activityId) {
        // by process instance: the execution waiting at an activity is often a child without the business key
        String processInstanceId = store.get(applicationId).processInstanceId();
        Execution e = runtime.createExecutionQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        if (e == null) {
            throw new WrongStateException(Problem.of("applicationId", "application.notWaitingAt", applicationId,
                    activityId));
        }
        return e;
    }
}
