package cn.gov.sd.pilotzone.zone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;
import cn.gov.sd.pilotzone.zone.ZoneStore.AcceptanceResult;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.task.service.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The automated steps and expressions of {@code pilotZoneLifecycle}, called from the BPMN as
 * {@code ${zoneSteps.…}}: phase changes, task states, the report and overdue checks that escalate to the
 * supervision team, the aggregation of the experts' scores and the end. Variables set here that belong to one plan
 * task are set locally, so the 24 parallel task instances never write the same process variable.
 */
@Component("zoneSteps")
public class ZoneSteps {

    static final String SYSTEM = "system";

    private final ZonePlans plans;
    private final ZoneStore store;
    private final BureauDirectory bureaus;
    private final Clock clock;

    ZoneSteps(ZonePlans plans, ZoneStore store, BureauDirectory bureaus, Clock clock) {
        this.plans = plans;
        this.store = store;
        this.bureaus = bureaus;
        this.clock = clock;
    }

    // --- expressions of the task definitions

    public String title(String zoneId, String taskCode) {
        return plans.find(zoneId).flatMap(p -> p.task(taskCode)).map(PlanTask::title).orElse("");
    }

    public List<String> leadBureaus(String zoneId, String taskCode) {
        return planTask(zoneId, taskCode).leadBureaus();
    }

    /** The task's description: lead bureaus and supporting units by name, as the clerk's task list shows it. */
    public String describe(String zoneId, String taskCode) {
        PlanTask t = planTask(zoneId, taskCode);
        String supporting = t.supportingUnits().isEmpty() ? "无" : names(t.supportingUnits());
        return "牵头单位：" + names(t.leadBureaus()) + "；配合单位：" + supporting;
    }

    public String bureauName(String code) {
        return bureaus.find(code).map(Bureau::name).orElse(code);
    }

    /**
     * A user task of one plan task was created: it is named after the plan task ("落实任务：3.5.3 探索…") and
     * carries the task code as a task variable, by which reports and the zone API find it.
     */
    public void planTaskCreated(DelegateTask task) {
        String taskCode = (String) task.getVariable("taskCode");
        task.setVariableLocal("taskCode", taskCode);
        task.setName(task.getName() + "：" + taskCode + " " + title((String) task.getVariable("zoneId"), taskCode));
    }

    /** "先行先验验收：奎文区工信局". */
    public void countyTaskCreated(DelegateTask task) {
        task.setName(task.getName() + "：" + bureauName((String) task.getVariable("county")));
    }

    /** "专家评分：expert-1（第1轮）". */
    public void expertTaskCreated(DelegateTask task) {
        task.setName(task.getName() + "：" + task.getVariable("expert") + "（第" + task.getVariable("acceptanceRound") + "轮）");
    }

    /** The plan tasks of this lifecycle, in plan order: the collection of the implementation multi-instance. */
    public List<String> taskCodes(DelegateExecution execution) {
        return store.tasks(lifecycleId(execution)).stream().map(TaskState::taskCode)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private PlanTask planTask(String zoneId, String taskCode) {
        return plans.get(zoneId).task(taskCode)
                .orElseThrow(() -> new IllegalStateException("zone " + zoneId + " has no task " + taskCode));
    }

    private String names(List<String> codes) {
        return codes.stream().map(this::bureauName).collect(Collectors.joining("、"));
    }

    // --- phases

    /** Phase 2: every task goes to its lead bureaus, due at the end of implementation (plan date or period). */
    public void enterImplementation(DelegateExecution execution) {
        String lifecycleId = lifecycleId(execution);
        ZonePlan plan = plans.get(zoneId(execution));
        Timeline timeline = timeline(execution);
        Instant now = clock.instant();
        Instant due = timeline.implementationDue(plan, now);
        Instant acceptanceStart = timeline.acceptanceStart(plan, due);
        Instant acceptanceDue = timeline.acceptanceDue(plan);
        execution.setVariable("implementationDue", Date.from(due));
        execution.setVariable("acceptanceStart", Date.from(acceptanceStart));
        execution.setVariable("acceptanceDue", acceptanceDue == null ? null : Date.from(acceptanceDue));
        store.setImplementation(lifecycleId, now, due, acceptanceStart);
        store.assignAll(lifecycleId, due);
        store.setPhase(lifecycleId, Lifecycle.Phase.IMPLEMENTATION);
        store.addEvent(lifecycleId, SYSTEM, "enterImplementation", null, null, "due " + due);
    }

    /**
     * Runs on each task instance of the implementation multi-instance: the decision and comment of the instance's
     * user tasks are kept on the instance, not on the process, so parallel completions do not collide.
     */
    public void openTaskScope(DelegateExecution execution) {
        if (execution.hasVariableLocal("taskCode")) {
            execution.setVariableLocal("decision", null);
            execution.setVariableLocal("comment", null);
        }
    }

    public void taskStatus(DelegateExecution execution, String status) {
        store.setTaskStatus(lifecycleId(execution), taskCode(execution), TaskState.Status.valueOf(status));
    }

    /** The coordinator confirmed completion: the task is done and its open escalations are settled. */
    public void taskDone(DelegateExecution execution) {
        String lifecycleId = lifecycleId(execution);
        String taskCode = taskCode(execution);
        store.setTaskStatus(lifecycleId, taskCode, TaskState.Status.DONE);
        store.resolveAll(lifecycleId, taskCode, SYSTEM, "任务已办结 / task done");
        store.addEvent(lifecycleId, SYSTEM, "taskDone", taskCode, null, null);
    }

    /**
     * At the end of each report period: was a report received since the last check? If not, and no missing-report
     * escalation of this task is still open, one is raised and the supervision team gets a 督办 task.
     */
    public void checkReport(DelegateExecution execution) {
        String lifecycleId = lifecycleId(execution);
        String taskCode = taskCode(execution);
        Instant now = clock.instant();
        TaskState task = store.task(lifecycleId, taskCode).orElseThrow();
        Instant since = task.lastCheckedAt();
        boolean missing = task.status() == TaskState.Status.IN_PROGRESS
                && (task.lastReportAt() == null || (since != null && task.lastReportAt().isBefore(since)));
        store.setChecked(lifecycleId, taskCode, now);
        boolean escalate = missing && !store.hasOpen(lifecycleId, taskCode, Escalation.Kind.MISSING_REPORT);
        if (escalate) {
            raise(execution, lifecycleId, taskCode, Escalation.Kind.MISSING_REPORT,
                    "no progress report since " + (since == null ? "the start" : since));
        }
        execution.setVariableLocal("escalate", escalate);
    }

    /** The task's due time passed: unless it is done already, the supervision team gets a 督办 task. */
    public void raiseOverdue(DelegateExecution execution) {
        String lifecycleId = lifecycleId(execution);
        String taskCode = taskCode(execution);
        TaskState task = store.task(lifecycleId, taskCode).orElseThrow();
        boolean escalate = task.status() != TaskState.Status.DONE
                && !store.hasOpen(lifecycleId, taskCode, Escalation.Kind.OVERDUE);
        if (escalate) {
            raise(execution, lifecycleId, taskCode, Escalation.Kind.OVERDUE, "due " + task.dueAt());
        }
        execution.setVariableLocal("escalate", escalate);
    }

    private void raise(DelegateExecution execution, String lifecycleId, String taskCode, Escalation.Kind kind,
                       String note) {
        Escalation e = store.raise(lifecycleId, zoneId(execution), taskCode, kind, note);
        execution.setVariableLocal("escalationId", e.id());
        execution.setVariableLocal("escalationKind", kind.name());
        store.addEvent(lifecycleId, SYSTEM, "escalation", taskCode, kind.name(), note);
    }

    /** Phase 3: the plan's own 先行先验 selection, if any, is what the coordinator is offered. */
    public void enterAcceptance(DelegateExecution execution) {
        String lifecycleId = lifecycleId(execution);
        execution.setVariable("firstCounties", new ArrayList<>(plans.get(zoneId(execution)).acceptance().firstCounties()));
        store.setPhase(lifecycleId, Lifecycle.Phase.ACCEPTANCE);
        store.addEvent(lifecycleId, SYSTEM, "enterAcceptance", null, null, null);
    }

    /** Mean of this round's expert scores against the pass score copied into the lifecycle at its start. */
    public void aggregate(DelegateExecution execution) {
        String lifecycleId = lifecycleId(execution);
        int round = ((Number) execution.getVariable("acceptanceRound")).intValue();
        List<BigDecimal> scores = store.acceptance(lifecycleId).stream()
                .filter(r -> AcceptanceResult.EXPERT.equals(r.kind()) && r.round() == round)
                .map(AcceptanceResult::score).toList();
        if (scores.isEmpty()) {
            throw new IllegalStateException("no expert scores in round " + round + " of lifecycle " + lifecycleId);
        }
        BigDecimal mean = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
        BigDecimal passScore = new BigDecimal((String) execution.getVariable("passScore"));
        boolean passed = mean.compareTo(passScore) >= 0;
        store.setAcceptanceScore(lifecycleId, mean);
        execution.setVariable("acceptanceScore", mean.toPlainString());
        execution.setVariable("acceptancePassed", passed);
        store.addEvent(lifecycleId, SYSTEM, "acceptanceResult", null, passed ? "pass" : "fail",
                "round " + round + ": mean " + mean.toPlainString() + " of " + scores.size() + " experts, pass score "
                        + passScore.toPlainString());
    }

    /** Rectification after a failed acceptance: due one rectification period from now. */
    public void startRectification(DelegateExecution execution) {
        Instant due = new IsoDuration((String) execution.getVariable("rectificationPeriod")).after(clock.instant());
        execution.setVariable("rectificationDue", Date.from(due));
        store.addEvent(lifecycleId(execution), SYSTEM, ZoneTaskForms.RECTIFICATION, null, null, "due " + due);
    }

    public void raiseRectificationOverdue(DelegateExecution execution) {
        Escalation e = store.raise(lifecycleId(execution), zoneId(execution), null,
                Escalation.Kind.RECTIFICATION_OVERDUE, "due " + execution.getVariable("rectificationDue"));
        execution.setVariableLocal("escalationId", e.id());
        execution.setVariableLocal("escalationKind", e.kind().name());
        store.addEvent(lifecycleId(execution), SYSTEM, "escalation", null, e.kind().name(), e.note());
    }

    public void finish(DelegateExecution execution) {
        String lifecycleId = lifecycleId(execution);
        store.escalations(lifecycleId).stream().filter(Escalation::open)
                .forEach(e -> store.resolve(e.id(), SYSTEM, "验收通过 / accepted"));
        store.end(lifecycleId, Lifecycle.Status.ACCEPTED, Lifecycle.Phase.COMPLETED);
        store.addEvent(lifecycleId, SYSTEM, "accepted", null, "pass", (String) execution.getVariable("acceptanceScore"));
    }

    // --- variables

    static String lifecycleId(DelegateExecution execution) {
        return (String) execution.getVariable("lifecycleId");
    }

    static String zoneId(DelegateExecution execution) {
        return (String) execution.getVariable("zoneId");
    }

    static String taskCode(DelegateExecution execution) {
        return (String) execution.getVariable("taskCode");
    }

    static Timeline timeline(DelegateExecution execution) {
        return new Timeline(IsoDuration.ofNullable((String) execution.getVariable("mobilizationPeriod")),
                IsoDuration.ofNullable((String) execution.getVariable("implementationPeriod")),
                new IsoDuration((String) execution.getVariable("reportPeriod")),
                new IsoDuration((String) execution.getVariable("rectificationPeriod")));
    }
}
