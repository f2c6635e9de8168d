package cn.gov.sd.pilotzone.zone;

import java.util.Optional;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.flowable.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * The one rule for what of a pilot-zone lifecycle case a caller sees, whichever address asks
 * ({@code /api/zones/{id}/documents/{doc}}, {@code /files/{id}}, {@code /cases/{id}}, the task page; docs/security.md):
 * those who see all of the zone's tasks (the coordinator, supervisors, administrators, system accounts) see the
 * whole case, its comments and every document; a lead or supporting bureau sees only the documents of the plan
 * tasks it sees, never the coordinator's plan documents or the case's comments.
 */
@Component
class ZoneCaseAccess {

    private final ZoneStore store;
    private final ZonePlans plans;
    private final ZoneAccess access;
    private final HistoryService history;

    ZoneCaseAccess(ZoneStore store, ZonePlans plans, ZoneAccess access, HistoryService history) {
        this.store = store;
        this.plans = plans;
        this.access = access;
        this.history = history;
    }

    /** The zone of a lifecycle's process instance; empty for every other process. */
    public Optional<ZonePlan> zoneOf(String processInstanceId) {
        return store.byProcessInstance(processInstanceId).flatMap(l -> plans.find(l.zoneId()));
    }

    /** The whole case (comments, every document): only for those who see every task of the zone. */
    public boolean seesWholeCase(Caller caller, ZonePlan plan) {
        return access.seesAllTasks(caller, plan);
    }

    /** A document of the case, attached to the user task {@code taskId} (null: to the process itself). */
    public boolean seesDocument(Caller caller, ZonePlan plan, String taskId) {
        return seesWholeCase(caller, plan)
                || planTask(plan, taskId).filter(t -> access.seesTask(caller, plan, t)).isPresent();
    }

    /** The plan task a (possibly completed) user task is about: its task-local {@code taskCode}, kept in history. */
    Optional<PlanTask> planTask(ZonePlan plan, String taskId) {
        if (taskId == null) {
            return Optional.empty();
        }
        return history.createHistoricTaskInstanceQuery().taskId(taskId).includeTaskLocalVariables().list().stream()
                .findFirst().map(t -> t.getTaskLocalVariables().get("taskCode"))
                .flatMap(code -> code instanceof String c ? plan.task(c) : Optional.empty());
    }
}
