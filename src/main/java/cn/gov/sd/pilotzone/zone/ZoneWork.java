package cn.gov.sd.pilotzone.zone;

import cn.gov.sd.pilotzone.common.NotFoundException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What a caller does to a zone, the same by API and page: report progress on a plan task and start the zone's
 * lifecycle, each behind {@link ZoneAccess}'s rule. A zone or task the caller may not see is "not found"; an action
 * on a visible one that the caller may not take is "forbidden".
 */
@Component
class ZoneWork {

    /** A progress report; {@code bureau} only when an administrator or system account reports for one. */
    record Report(String bureau, String period, Integer progress, String summary, String issues) {
    }

    private final ZonePlans plans;
    private final ZoneAccess access;
    private final ProgressReports reports;
    private final ZoneLifecycles lifecycles;

    ZoneWork(ZonePlans plans, ZoneAccess access, ProgressReports reports, ZoneLifecycles lifecycles) {
        this.plans = plans;
        this.access = access;
        this.reports = reports;
        this.lifecycles = lifecycles;
    }

    ProgressReport report(Caller caller, String zoneId, String taskCode, Report form,
                          ProgressReport.Source source) {
        ZonePlan plan = visible(caller, zoneId);
        PlanTask task = visibleTask(caller, plan, taskCode);
        if (!access.mayReport(caller, task)) {
            throw new AccessDeniedException("only a lead bureau of task " + taskCode + " reports on it");
        }
        String bureau = form.bureau();
        if (caller.isClerk()) {
            if (bureau != null && !bureau.equals(caller.bureauCode())) {
                throw new AccessDeniedException("a clerk reports for their own bureau");
            }
            bureau = caller.bureauCode();
        } else if (bureau == null && task.leadBureaus().size() == 1) {
            bureau = task.leadBureaus().get(0);
        }
        return reports.submit(new ProgressReports.Submission(zoneId, taskCode, bureau, form.period(),
                form.progress(), form.summary(), form.issues()), source, caller.username());
    }

    /**
     * Starts the zone's lifecycle. Both may set the phase periods for this run instead of hub.zone.*: the coordinator
     * each between one day and the plan's horizon, an administrator any length (a demo in minutes, a test in
     * seconds).
     */
    ZoneLifecycles.Started start(Caller caller, String zoneId, Timeline.Overrides overrides) {
        ZonePlan plan = visible(caller, zoneId);
        if (!access.mayStart(caller, plan)) {
            throw new AccessDeniedException("starting a lifecycle is for administrators and the coordinator");
        }
        return lifecycles.start(zoneId, caller.username(), overrides, !access.maySetAnyPeriod(caller));
    }

    ZonePlan visible(Caller caller, String zoneId) {
        return plans.find(zoneId).filter(p -> access.seesZone(caller, p))
                .orElseThrow(() -> new NotFoundException(Problem.of("zoneId", "zone.unknown", zoneId)));
    }

    PlanTask visibleTask(Caller caller, ZonePlan plan, String taskCode) {
        return plan.task(taskCode).filter(t -> access.seesTask(caller, plan, t))
                .orElseThrow(() -> new NotFoundException(Problem.of("taskCode", "zone.taskUnknown", taskCode, plan.id())));
    }
}
