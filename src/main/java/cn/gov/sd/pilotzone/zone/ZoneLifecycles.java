package cn.gov.sd.pilotzone.zone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.sd.pilotzone.common.ConflictException;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting and cancelling a zone's {@code pilotZoneLifecycle} (business key = zone id). A zone has at most one
 * running lifecycle (a unique index, so two nodes cannot both start one); after it ends, a new one may start. The
 * periods are fixed when it starts: the settings, with overrides for a demo or a test.
 */
@Service
public class ZoneLifecycles {

    public static final String PROCESS = "pilotZoneLifecycle";

    private static final Logger log = LoggerFactory.getLogger(ZoneLifecycles.class);

    public record Started(String zoneId, String lifecycleId, String processInstanceId, Lifecycle.Phase phase) {
    }

    /** The zone already has a running lifecycle. */
    public static class AlreadyRunningException extends ConflictException {
        public AlreadyRunningException(String zoneId) {
            super(Problem.of("zoneId", "zone.lifecycleRunning", zoneId));
        }
    }

    /** The zone has no running lifecycle. */
    public static class NotRunningException extends ConflictException {
        public NotRunningException(String zoneId) {
            super(Problem.of("zoneId", "zone.noLifecycle", zoneId));
        }
    }

    private final ZonePlans plans;
    private final ZoneStore store;
    private final ZoneSettings settings;
    private final RuntimeService runtime;
    private final Clock clock;

    ZoneLifecycles(ZonePlans plans, ZoneStore store, ZoneSettings settings, RuntimeService runtime, Clock clock) {
        this.plans = plans;
        this.store = store;
        this.settings = settings;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Starts it with periods of any length (an administrator's demo or test may run in seconds). */
    @Transactional
    public Started start(String zoneId, String actor, Timeline.Overrides overrides) {
        return start(zoneId, actor, overrides, false);
    }

    /**
     * Starts it; {@code withinPlan}: each period given must last between one day and the plan's horizon (its first
     * phase's start to its last phase's end), as the coordinator sets them for a real run.
     */
    @Transactional
    public Started start(String zoneId, String actor, Timeline.Overrides overrides, boolean withinPlan) {
        ZonePlan plan = plans.get(zoneId);
        Instant now = clock.instant();
        Timeline timeline = timeline(overrides, withinPlan ? plan : null, now);
        Instant implementationStart = timeline.implementationStart(plan, now);
        String lifecycleId = UUID.randomUUID().toString();
        try {
            store.insertLifecycle(lifecycleId, zoneId, plan.coordinator(), timeline.reportPeriod().text(),
                    implementationStart, actor);
        } catch (DuplicateKeyException e) {
            throw new AlreadyRunningException(zoneId);
        }
        store.insertTasks(lifecycleId, plan.tasks().map(PlanTask::code).toList());
        Map<String, Object> vars = new HashMap<>();
        vars.put("zoneId", zoneId);
        vars.put("lifecycleId", lifecycleId);
        vars.put("coordinator", plan.coordinator());
        vars.put("implementationStart", Date.from(implementationStart));
        vars.put("mobilizationPeriod", text(timeline.mobilizationPeriod()));
        vars.put("implementationPeriod", text(timeline.implementationPeriod()));
        vars.put("reportPeriod", timeline.reportPeriod().text());
        vars.put("reportCycle", timeline.reportPeriod().cycle());
        vars.put("rectificationPeriod", timeline.rectificationPeriod().text());
        vars.put("passScore", settings.acceptancePassScore().toPlainString());
        vars.put("minExperts", settings.minExperts());
        // declared up front: task definitions refer to them before the steps that set them have run
        vars.put("implementationDue", null);
        vars.put("acceptanceStart", null);
        vars.put("acceptanceDue", null);
        vars.put("rectificationDue", null);
        vars.put("firstCounties", new ArrayList<>(plan.acceptance().firstCounties()));
        vars.put("experts", new ArrayList<String>());
        vars.put("acceptanceRound", 0);
        ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS, zoneId, vars);
        store.setProcessInstance(lifecycleId, pi.getId());
        store.addEvent(lifecycleId, actor, "start", null, null, "periods: " + timeline);
        log.info("Started lifecycle {} of zone {} ({})", lifecycleId, zoneId, timeline);
        return new Started(zoneId, lifecycleId, pi.getId(), Lifecycle.Phase.MOBILIZATION);
    }

    /** Cancels the running lifecycle (a plan replaced, a start by mistake); its history stays. */
    @Transactional
    public void cancel(String zoneId, String actor, String reason) {
        Lifecycle lifecycle = store.running(zoneId).orElseThrow(() -> new NotRunningException(zoneId));
        String pid = lifecycle.processInstanceId();
        if (pid != null && runtime.createProcessInstanceQuery().processInstanceId(pid).count() > 0) {
            runtime.deleteProcessInstance(pid, "cancelled by " + actor + (reason == null ? "" : ": " + reason));
        }
        store.escalations(lifecycle.lifecycleId()).stream().filter(Escalation::open)
                .forEach(e -> store.resolve(e.id(), actor, "lifecycle cancelled"));
        store.end(lifecycle.lifecycleId(), Lifecycle.Status.CANCELLED, lifecycle.phase());
        store.addEvent(lifecycle.lifecycleId(), actor, "cancel", null, null, reason);
    }

    /** {@code hub.zone.auto-start=true}: every zone that never had a lifecycle gets one when the hub is up. */
    @EventListener(ApplicationReadyEvent.class)
    public void autoStart() {
        if (!settings.autoStart()) {
            return;
        }
        for (ZonePlan plan : plans.all()) {
            if (store.everStarted(plan.id())) {
                continue;
            }
            try {
                start(plan.id(), ZoneSteps.SYSTEM, Timeline.Overrides.NONE, false);
            } catch (AlreadyRunningException e) {
                log.info("Zone {} was started by another node", plan.id());
            }
        }
    }

    /** The settings with the overrides; with a plan, each override bounded by {@link #horizonDays(ZonePlan)}. */
    private Timeline timeline(Timeline.Overrides o, ZonePlan bounds, Instant now) {
        if (o == null) {
            return settings.timeline();
        }
        List<Problem> problems = new ArrayList<>();
        check("mobilizationPeriod", o.mobilizationPeriod(), bounds, now, problems);
        check("implementationPeriod", o.implementationPeriod(), bounds, now, problems);
        check("reportPeriod", o.reportPeriod(), bounds, now, problems);
        check("rectificationPeriod", o.rectificationPeriod(), bounds, now, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return settings.timeline().with(o);
    }

    private static void check(String field, String value, ZonePlan bounds, Instant now, List<Problem> problems) {
        IsoDuration period;
        try {
            period = IsoDuration.ofNullable(value);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, "zone.duration", value));
            return;
        }
        if (period == null || bounds == null) {
            return;
        }
        // at whole seconds: the calendar that adds the period works in milliseconds, and P1D must be a day
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        Instant end = period.after(start);
        long horizon = horizonDays(bounds);
        if (end.isBefore(start.plus(Duration.ofDays(1))) || end.isAfter(start.plus(Duration.ofDays(horizon)))) {
            problems.add(Problem.of(field, "zone.periodRange", value, String.valueOf(horizon)));
        }
    }

    /** The plan's horizon in days: from its first phase's start to the end of its last phase's last day. */
    public static long horizonDays(ZonePlan plan) {
        return ChronoUnit.DAYS.between(plan.phases().get(0).start(),
                plan.phases().get(plan.phases().size() - 1).end().plusDays(1));
    }

    private static String text(IsoDuration d) {
        return d == null ? null : d.text();
    }
}
