package cn.gov.sd.pilotzone.zone;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.Cases;
import cn.gov.sd.pilotzone.ui.PageController;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The zone pages, rendered on the server like the award pages: the zones the caller may see, and one zone with its
 * phases (and whether it is late in the current one), its tasks per special action with overdue days and open
 * 督办, and a table per lead bureau (open, overdue, done) linking to that work. Scoped by {@link ZoneAccess} like
 * the zone API: a clerk sees their bureau's tasks. A zone of the province without a plan shows its designation
 * and targets. The forms of the zone pages, a lead bureau's progress report (on its 落实任务 page) and starting a
 * lifecycle, go through {@link ZoneWork} like the zone API.
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
    private final ZoneWork work;
    private final Messages messages;
    private final Cases cases;

    /** A Flowable task id, as the report form sends back the page it came from. */
    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    ZonePages(ZonePlans plans, ZoneAccess access, ZoneViews views, Clock clock,
              @Value("${hub.ui.time-zone:Asia/Shanghai}") ZoneId zone, UnplannedZonePages unplanned, ZoneWork work,
              Messages messages, Cases cases) {
        this.unplanned = unplanned;
        this.cases = cases;
        this.work = work;
        this.messages = messages;
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
        model.addAttribute("mayStart", access.mayStart(caller, plan) && (detail.lifecycle() == null
                || detail.lifecycle().status() != Lifecycle.Status.RUNNING));
        // the lifecycle's diagram for those who may see its case (task.Cases applies ZoneCaseAccess's rule); none
        // for a cancelled one: started by mistake or replaced, it is not the zone's way
        String pi = detail.lifecycle() == null || detail.lifecycle().status() == Lifecycle.Status.CANCELLED ? null
                : detail.lifecycle().processInstanceId();
        model.addAttribute("diagramCase", pi != null && cases.canSee(caller, pi) ? pi : null);
        model.addAttribute("horizonDays", String.valueOf(ZoneLifecycles.horizonDays(plan)));
        return "zone";
    }

    /**
     * A lead bureau's quarterly progress report from its 落实任务 page ({@code taskId}), by the same code as the
     * API. Problems go back to that page beside their fields, with what was typed.
     */
    @PostMapping("/zones/{zoneId}/tasks/{taskCode}/reports")
    String report(Caller caller, @PathVariable String zoneId, @PathVariable String taskCode,
                  @RequestParam(required = false) String taskId, @RequestParam(required = false) String period,
                  @RequestParam(required = false) String progress, @RequestParam(required = false) String summary,
                  @RequestParam(required = false) String issues, RedirectAttributes redirect, Locale locale) {
        String back = taskId != null && TASK_ID.matcher(taskId).matches()
                ? "redirect:/tasks/" + taskId + "#zone-report" : "redirect:/zones/" + work.visible(caller, zoneId).id();
        List<Problem> problems = new ArrayList<>();
        Integer percent = null;
        if (progress != null && !progress.isBlank()) {
            try {
                percent = Integer.valueOf(progress.strip());
            } catch (NumberFormatException e) {
                problems.add(Problem.of("progress", "zone.progress", progress.strip()));
            }
        }
        try {
            work.report(caller, zoneId, taskCode, new ZoneWork.Report(null, period, percent, summary, blank(issues)),
                    ProgressReport.Source.API);
            if (problems.isEmpty()) {
                redirect.addFlashAttribute("notice", messages.get("ui.zones.reported", locale, taskCode, period));
                return back;
            }
        } catch (InvalidInputException e) {
            // a progress that is not a number was named above; the code's "required" for it would mislead
            boolean progressNamed = !problems.isEmpty();
            e.problems().stream().filter(p -> !progressNamed || !"progress".equals(p.field())).forEach(problems::add);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        for (Problem p : problems) {
            String text = messages.get(p.code(), locale, p.args().toArray());
            if (List.of("period", "progress", "summary", "issues").contains(p.field())) {
                errors.merge(p.field(), text, (a, b) -> a + "；" + b);
            } else {
                global.add(text);
            }
        }
        Map<String, String> input = new LinkedHashMap<>();
        input.put("period", period);
        input.put("progress", progress);
        input.put("summary", summary);
        input.put("issues", issues);
        redirect.addFlashAttribute("reportErrors", errors);
        redirect.addFlashAttribute("reportInput", input);
        if (!global.isEmpty()) {
            redirect.addFlashAttribute("problem", String.join("；", global));
        }
        return back;
    }

    /**
     * Starts the zone's lifecycle from its page, by the same code as the API: the coordinator or an administrator,
     * with the phase periods given (ISO 8601 durations; blank keeps the setting; ZoneWork.start bounds them).
     */
    @PostMapping("/zones/{zoneId}/lifecycle")
    String start(Caller caller, @PathVariable String zoneId,
                 @RequestParam(required = false) String mobilizationPeriod,
                 @RequestParam(required = false) String implementationPeriod,
                 @RequestParam(required = false) String reportPeriod,
                 @RequestParam(required = false) String rectificationPeriod,
                 RedirectAttributes redirect, Locale locale) {
        String back = "redirect:/zones/" + work.visible(caller, zoneId).id();
        Timeline.Overrides periods = new Timeline.Overrides(blank(mobilizationPeriod), blank(implementationPeriod),
                blank(reportPeriod), blank(rectificationPeriod));
        try {
            work.start(caller, zoneId, periods);
            redirect.addFlashAttribute("notice", messages.get("ui.zones.started", locale));
        } catch (ZoneLifecycles.AlreadyRunningException e) {
            redirect.addFlashAttribute("problem", messages.get("ui.zones.alreadyRunning", locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", messages.withFieldNames(e.problems(), locale));
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("mobilizationPeriod", mobilizationPeriod);
            typed.put("implementationPeriod", implementationPeriod);
            typed.put("reportPeriod", reportPeriod);
            typed.put("rectificationPeriod", rectificationPeriod);
            redirect.addFlashAttribute("periods", typed);
        }
        return back;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
