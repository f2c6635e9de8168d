package cn.gov.sd.pilotzone.zone;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.ProcessCases;

import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/**
 * The zone side of the task and case pages: a lifecycle case is named by its zone, and what of it a caller sees
 * is {@link ZoneCaseAccess}'s rule: a lead bureau that works on one of its tasks sees that task's documents, not
 * the case page. A lifecycle task about a plan task shows that task (lead and supporting units, progress, reports,
 * 督办, evidence), and the lead bureau's 落实任务 page its progress report form.
 */
@Component
class ZoneCases implements ProcessCases {

    private final ZonePlans plans;
    private final ZoneCaseAccess access;
    private final ZoneAccess zoneAccess;
    private final ZoneViews views;
    private final TaskService taskService;

    ZoneCases(ZonePlans plans, ZoneCaseAccess access, ZoneAccess zoneAccess, ZoneViews views,
              TaskService taskService) {
        this.plans = plans;
        this.access = access;
        this.zoneAccess = zoneAccess;
        this.views = views;
        this.taskService = taskService;
    }

    @Override
    public String processDefinitionKey() {
        return ZoneLifecycles.PROCESS;
    }

    @Override
    public String label(String zoneId) {
        return plans.find(zoneId).map(ZonePlan::name).orElse(zoneId);
    }

    @Override
    public boolean seesWholeCase(Caller caller, CaseRef ref) {
        return zone(ref).filter(plan -> access.seesWholeCase(caller, plan)).isPresent();
    }

    @Override
    public boolean openToItsWorkers() {
        return false;
    }

    @Override
    public boolean seesNote(Caller caller, CaseRef ref, String taskId) {
        return zone(ref).filter(plan -> access.seesDocument(caller, plan, taskId)).isPresent();
    }

    /**
     * {@code zoneTask}: the plan task the user task is about (its {@code taskCode}), as {@link ZoneViews#taskDetail};
     * {@code zoneReporting}: whether the page offers the progress report form (a 落实任务 of a bureau that may report).
     */
    @Override
    public Map<String, Object> taskPage(Caller caller, String zoneId, String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        Optional<ZonePlan> plan = plans.find(zoneId);
        if (task == null || plan.isEmpty()
                || !(taskService.getVariableLocal(taskId, "taskCode") instanceof String code)) {
            return Map.of();
        }
        return plan.get().task(code).<Map<String, Object>>map(planTask -> {
            Map<String, Object> page = new HashMap<>();
            page.put("zoneTask", views.taskDetail(plan.get(), planTask));
            page.put("zoneId", zoneId);
            page.put("zoneName", plan.get().name());
            page.put("zoneReporting", ZoneTaskForms.IMPLEMENT_TASK.equals(task.getTaskDefinitionKey())
                    && zoneAccess.mayReport(caller, planTask));
            return page;
        }).orElse(Map.of());
    }

    private Optional<ZonePlan> zone(CaseRef ref) {
        return access.zoneOf(ref.processInstanceId());
    }
}
