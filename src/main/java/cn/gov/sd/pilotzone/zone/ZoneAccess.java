package cn.gov.sd.pilotzone.zone;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.Role;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.springframework.stereotype.Component;

/**
 * Who sees what of a zone (docs/api.md, docs/province.md): supervisors, administrators, system accounts and the
 * province's clerks (省工信厅) see every zone and task; the coordinator's clerks (市工信局) see all of their zone;
 * another bureau's clerk sees a zone only if the bureau leads or supports one of its tasks, and then only those
 * tasks. A zone without a lifecycle plan is seen by those who see every zone and by its city's 工信局. Only lead
 * bureaus report progress.
 */
@Component
public class ZoneAccess {

    private final ProvinceZones province;

    ZoneAccess(ProvinceZones province) {
        this.province = province;
    }

    public boolean seesZone(Caller caller, ZonePlan plan) {
        return seesAllTasks(caller, plan) || plan.involves(caller.bureauCode());
    }

    public boolean seesAllTasks(Caller caller, ZonePlan plan) {
        return seesEveryZone(caller) || plan.coordinator().equals(caller.bureauCode());
    }

    /** A zone of the province without a lifecycle plan. */
    public boolean seesZone(Caller caller, ProvinceZones.KnownZone zone) {
        return seesEveryZone(caller) || zone.bureau().equals(caller.bureauCode());
    }

    private boolean seesEveryZone(Caller caller) {
        return caller.seesEverything() || province.overseesAll(caller);
    }

    public boolean seesTask(Caller caller, ZonePlan plan, PlanTask task) {
        return seesAllTasks(caller, plan) || task.involves(caller.bureauCode());
    }

    /** Lead bureaus' clerks report for their tasks; administrators and system accounts on a bureau's behalf. */
    public boolean mayReport(Caller caller, PlanTask task) {
        return caller.isClerk() ? task.ledBy(caller.bureauCode())
                : caller.role() == Role.ADMIN || caller.role() == Role.SYSTEM;
    }

    /** Starting a lifecycle: administrators and the zone's coordinator; cancelling: administrators. */
    public boolean mayStart(Caller caller, ZonePlan plan) {
        return caller.role() == Role.ADMIN || (caller.isClerk() && plan.coordinator().equals(caller.bureauCode()));
    }

    public boolean mayCancel(Caller caller) {
        return caller.role() == Role.ADMIN;
    }

    /**
     * Periods shorter than a day or longer than the plan are for demos and tests, set up by an administrator; the
     * coordinator sets them within the plan (ZoneLifecycles.start).
     */
    public boolean maySetAnyPeriod(Caller caller) {
        return caller.role() == Role.ADMIN;
    }
}
