package cn.gov.sd.pilotzone.zone;

import java.util.Optional;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.ProcessCases;

import org.springframework.stereotype.Component;

/**
 * The zone side of the task and case pages: a lifecycle case is named by its zone, and what of it a caller sees
 * is {@link ZoneCaseAccess}'s rule: a lead bureau that works on one of its tasks sees that task's documents, not
 * the case page.
 */
@Component
class ZoneCases implements ProcessCases {

    private final ZonePlans plans;
    private final ZoneCaseAccess access;

    ZoneCases(ZonePlans plans, ZoneCaseAccess access) {
        this.plans = plans;
        this.access = access;
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

    private Optional<ZonePlan> zone(CaseRef ref) {
        return access.zoneOf(ref.processInstanceId());
    }
}
