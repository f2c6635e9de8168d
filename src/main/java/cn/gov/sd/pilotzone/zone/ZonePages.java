package cn.gov.sd.pilotzone.zone;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.ui.PageController;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The zone pages, rendered on the server like the award pages: the zones the caller may see, and one zone with its
 * phases (and whether it is late in the current one), its tasks per special action with overdue days and open
 * 督办, and a table per lead bureau (open, overdue, done) linking to that work. Scoped by {@link ZoneAccess} like
 * the zone API: a clerk sees their bureau's tasks. A zone of the province without a plan shows its designation
 * and targets.
 */
@PageController
class ZonePages {

    /** The current phase ended before today: how many days ago. */
    record Late(ZoneViews.PhaseItem phase, long days) {
    }

    private final ZonePlans plans;
    private final ZoneAccess access;
    private final ZoneViews views;
    private final Clock clock;
    private final ZoneId zone;
    private final UnplannedZonePages unplanned;

    ZonePages(ZonePlans plans, ZoneAccess access, ZoneViews views, Clock clock,
              @Value("${hub.ui.time-zone:Asia/Shanghai}") ZoneId zone, UnplannedZonePages unplanned) {
        this.unplanned = unplanned;
        this.plans = plans;
        this.access = access;
        this.views = views;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/zones")
    String zones(Caller caller, Model model) {
        model.addAttribute("zones", views.summaries(caller));
        return "zones";
    }

    @GetMapping("/zones/{zoneId}")
    String zone(Caller caller, @PathVariable String zoneId, Model model) {
        if (plans.find(zoneId).isEmpty()) {
            return unplanned.page(caller, zoneId, model)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        ZonePlan plan = plans.find(zoneId).filter(p -> access.seesZone(caller, p))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean all = access.seesAllTasks(caller, plan);
        ZoneViews.ZoneDetail detail = views.detail(plan, t -> access.seesTask(caller, plan, t), all);
        Map<String, List<ZoneViews.TaskItem>> actions = new LinkedHashMap<>();
        detail.tasks().forEach(t -> actions.computeIfAbsent(t.action() == null ? "" : t.action(),
                k -> new ArrayList<>()).add(t));
        int current = -1;
        for (int i = 0; i < detail.phases().size(); i++) {
            if (detail.phase() != null && detail.phases().get(i).code().name().equals(detail.phase().name())) {
                current = i;
            }
        }
        Late late = late(current < 0 ? null : detail.phases().get(current), detail.lifecycle(),
                LocalDate.now(clock.withZone(zone)), zone);
        long done = detail.tasks().stream().filter(t -> t.doneAt() != null
                || "DONE".equals(t.status() == null ? null : t.status().name())).count();
        model.addAttribute("z", detail);
        model.addAttribute("actions", actions);
        model.addAttribute("currentPhase", current);
        model.addAttribute("late", late);
        model.addAttribute("done", done);
        model.addAttribute("average", detail.tasks().isEmpty() ? 0 : Math.round(detail.tasks().stream()
                .mapToInt(t -> t.progress() == null ? 0 : t.progress()).average().orElse(0)));
        model.addAttribute("overdue", detail.tasks().stream().filter(ZoneViews.TaskItem::overdue).count());
        model.addAttribute("escalated", detail.tasks().stream().filter(ZoneViews.TaskItem::escalated).count());
        model.addAttribute("bureaus", views.bureauCounts(plan, code -> all || code.equals(caller.bureauCode())));
        model.addAttribute("phaseWeights", weights(detail.phases()));
        model.addAttribute("supervises", caller.seesEverything());
        return "zone";
    }

    /**
     * Whether the zone is late in its current phase: past the end that its running lifecycle set for the phase
     * (mobilization until implementation starts, implementation until it is due), or without those, the plan's.
     */
    static Late late(ZoneViews.PhaseItem phase, ZoneViews.LifecycleItem lifecycle, LocalDate today, ZoneId zone) {
        if (phase == null) {
            return null;
        }
        LocalDate end = phase.end();
        if (lifecycle != null) {
            Instant until = switch (phase.code()) {
                case MOBILIZATION -> lifecycle.implementationStart();
                case IMPLEMENTATION -> lifecycle.implementationDue();
                case ACCEPTANCE -> null;
            };
            if (until != null) {
                end = until.minusMillis(1).atZone(zone).toLocalDate();
            }
        }
        long days = ChronoUnit.DAYS.between(end, today);
        return days > 0 ? new Late(new ZoneViews.PhaseItem(phase.code(), phase.name(), phase.nameEn(), phase.start(),
                end), days) : null;
    }

    /** Each phase's share of the bar, by its length in days. */
    private static List<Double> weights(List<ZoneViews.PhaseItem> phases) {
        double total = phases.stream().mapToLong(p -> Math.max(1, ChronoUnit.DAYS.between(p.start(), p.end())))
                .sum();
        return phases.stream().map(p -> 100.0 * Math.max(1, ChronoUnit.DAYS.between(p.start(), p.end())) / total)
                .toList();
    }
}
