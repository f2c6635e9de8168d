package cn.gov.sd.pilotzone.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.registry.BureauNames;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.HubUser;
import cn.gov.sd.pilotzone.security.Who;
import cn.gov.sd.pilotzone.task.Cases;
import cn.gov.sd.pilotzone.task.TaskSearch;
import cn.gov.sd.pilotzone.task.TaskTeam;
import cn.gov.sd.pilotzone.task.TaskView;
import cn.gov.sd.pilotzone.ui.PageController;
import cn.gov.sd.pilotzone.zone.ZonePlans;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The supervisors' list of late work (督导): every open task past its due date (red) or due within the warning
 * window (yellow, {@code hub.supervision.warning-window}), filterable by zone, bureau and process; each row opens
 * its case (or, for the supervisors' own tasks, the task), and 催办 reminds the task's bureaus.
 */
@PageController
class SupervisionPages {

    /** One row: the task, what it is about, and the reminders it has had. */
    record Row(TaskView task, boolean overdue, String caseLabel, String href, List<Notice> reminders) {
    }

    private final TaskSearch search;
    private final Reminders reminders;
    private final Notices notices;
    private final Cases cases;
    private final BureauDirectory bureaus;
    private final ZonePlans zones;
    private final Messages messages;
    private final BureauNames bureauNames;
    private final Who who;
    private final Clock clock;
    private final Duration window;
    private final TaskTeam team;

    SupervisionPages(TaskSearch search, Reminders reminders, Notices notices, Cases cases, BureauDirectory bureaus,
                     ZonePlans zones, Messages messages, BureauNames bureauNames, Who who, Clock clock,
                     @Value("${hub.supervision.warning-window:P3D}") Duration window, TaskTeam team) {
        this.team = team;
        this.search = search;
        this.reminders = reminders;
        this.notices = notices;
        this.cases = cases;
        this.bureaus = bureaus;
        this.zones = zones;
        this.messages = messages;
        this.bureauNames = bureauNames;
        this.who = who;
        this.clock = clock;
        this.window = window;
    }

    @GetMapping("/supervision")
    String list(Caller caller, Model model, @RequestParam(required = false) String zone,
                @RequestParam(required = false) String bureau, @RequestParam(required = false) String process,
                @RequestParam(defaultValue = "false") boolean overdueOnly) {
        Instant now = clock.instant();
        List<Row> rows = search.dueBefore(caller, overdueOnly ? now : now.plus(window), blank(process), blank(bureau),
                        blank(zone)).stream()
                .map(t -> new Row(t, t.due().isBefore(now), cases.label(t.processDefinitionKey(), t.businessKey()),
                        Caller.SUPERVISOR_GROUP.equals(single(t.candidateGroups())) ? "/tasks/" + t.id()
                                : cases.href(t.processDefinitionKey(), t.businessKey(), t.processInstanceId()),
                        notices.reminders(t.id())))
                .toList();
        model.addAttribute("rows", rows);
        // whom each task can be given to; bureaus repeat across rows, so each bureau's clerks are read once
        Map<String, List<HubUser>> byBureau = new HashMap<>();
        Map<String, List<HubUser>> clerks = new HashMap<>();
        for (Row r : rows) {
            clerks.put(r.task().id(), r.task().candidateGroups().stream()
                    .flatMap(g -> byBureau.computeIfAbsent(g, team::clerksOfBureau).stream()).toList());
        }
        model.addAttribute("clerks", clerks);
        model.addAttribute("overdueCount", rows.stream().filter(Row::overdue).count());
        model.addAttribute("soonCount", rows.stream().filter(r -> !r.overdue()).count());
        model.addAttribute("windowDays", Math.max(1, window.toDays()));
        model.addAttribute("zone", blank(zone));
        model.addAttribute("bureau", blank(bureau));
        model.addAttribute("process", blank(process));
        model.addAttribute("overdueOnly", overdueOnly);
        model.addAttribute("zones", zones.all());
        model.addAttribute("bureaus", bureaus.all());
        model.addAttribute("processes", search.processes());
        return "supervision";
    }

    @PostMapping("/supervision/tasks/{id}/remind")
    String remind(Caller caller, @PathVariable String id, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String back, RedirectAttributes redirect, Locale locale) {
        try {
            List<String> reminded = reminders.remind(caller, id, note);
            redirect.addFlashAttribute("notice", messages.get("ui.supervision.reminded", locale,
                    String.join("、", reminded.stream().map(code -> bureaus.exists(code) ? bureauNames.name(code)
                            : who.name(code)).toList())));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", messages.render(e.problems().get(0), locale));
        }
        // back to the filtered list the button was on (a path of this site only)
        return back(back);
    }

    @PostMapping("/supervision/tasks/{id}/reassign")
    String reassign(Caller caller, @PathVariable String id, @RequestParam(required = false) String assignee,
                    @RequestParam(required = false) String due, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) String back, RedirectAttributes redirect, Locale locale) {
        try {
            LocalDate day = null;
            if (due != null && !due.isBlank()) {
                try {
                    day = LocalDate.parse(due.strip());
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException(Problem.of("due", "date.format", due));
                }
            }
            team.reassign(caller, id, assignee, day, reason);
            redirect.addFlashAttribute("notice", messages.get("ui.team.reassigned", locale,
                    search.name(id)));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", messages.withFieldNames(e.problems(), locale));
        }
        return back(back);
    }

    private static String back(String back) {
        String target = back != null && back.startsWith("/supervision") && !back.startsWith("//") ? back
                : "/supervision";
        return "redirect:" + UriComponentsBuilder.fromUriString(target).build().toUriString();
    }

    private static String single(List<String> groups) {
        return groups.size() == 1 ? groups.get(0) : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
