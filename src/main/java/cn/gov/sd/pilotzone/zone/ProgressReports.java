package cn.gov.sd.pilotzone.zone;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.sd.pilotzone.common.FreeText;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.flowable.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records progress reports (docs/exchange.md {@code progress-reports}, and the API): the report goes to the plan task of the
 * zone's running lifecycle, counts for the current report period (so no missing-report escalation is raised for
 * it), and sets the progress on the lead bureau's open task. Refused with the reason: an unknown zone or task, a
 * bureau that does not lead the task, a task that is not in implementation, bad values.
 */
@Service
public class ProgressReports {

    /** A report as filed; {@code progress} 0–100. */
    public record Submission(String zoneId, String taskCode, String bureau, String period, Integer progress,
                             String summary, String issues) {
    }

    static final int MAX_PERIOD = 32;
    static final int MAX_TEXT = 4000;
    static final int FIRST_YEAR = 2000;
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(Q[1-4]|H[12]|0[1-9]|1[0-2])");

    private final ZonePlans plans;
    private final ZoneStore store;
    private final TaskService taskService;
    private final Clock clock;

    ProgressReports(ZonePlans plans, ZoneStore store, TaskService taskService, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.store = store;
        this.taskService = taskService;
    }

    @Transactional
    public ProgressReport submit(Submission s, ProgressReport.Source source, String actor) {
        return submitAll(List.of(s), source, actor).get(0);
    }

    /**
     * All reports of one file in one transaction: every problem of every report is collected (field names
     * prefixed with the report's index when there are several) and nothing is recorded unless all are fine.
     */
    @Transactional
    public List<ProgressReport> submitAll(List<Submission> submissions, ProgressReport.Source source, String actor) {
        return submitAll(submissions, source, actor, List.of());
    }

    /** As above, with problems the caller found already (a feed's unknown fields), reported together. */
    @Transactional
    public List<ProgressReport> submitAll(List<Submission> submissions, ProgressReport.Source source, String actor,
                                          List<Problem> found) {
        List<Problem> problems = new ArrayList<>(found);
        List<Lifecycle> lifecycles = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            String p = submissions.size() == 1 ? "" : "[" + i + "].";
            lifecycles.add(submissions.get(i) == null ? null : check(submissions.get(i), p, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<ProgressReport> recorded = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            Submission s = submissions.get(i);
            Lifecycle l = lifecycles.get(i);
            ProgressReport r = store.insertReport(l.lifecycleId(), s.zoneId(), s.taskCode(), s.bureau(),
                    s.period().strip(), s.progress(), s.summary().strip(), blankToNull(s.issues()), source, actor);
            store.addEvent(l.lifecycleId(), actor, "progressReport", s.taskCode(), source.name(),
                    s.bureau() + " " + s.period() + ": " + s.progress() + "%");
            onOpenTask(l, s.taskCode(), r);
            recorded.add(r);
        }
        return recorded;
    }

    /**
     * A report period as reports name them: a quarter {@code 2024-Q3}, a half year {@code 2024-H1} or a month
     * {@code 2024-07}, of a year from {@value #FIRST_YEAR} to next year. Anything else ({@code 9999-Q4},
     * {@code ../../x}) is no period: it would only show up in bulletins and exports as if it were one.
     */
    boolean period(String period) {
        Matcher m = PERIOD.matcher(period);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        return year >= FIRST_YEAR && year <= Year.now(clock).getValue() + 1;
    }

    /** The running lifecycle the report goes to, or null with the problems added. */
    private Lifecycle check(Submission s, String p, List<Problem> problems) {
        int before = problems.size();
        required(p + "zoneId", s.zoneId(), problems);
        required(p + "taskCode", s.taskCode(), problems);
        required(p + "bureau", s.bureau(), problems);
        if (required(p + "period", s.period(), problems) && !period(s.period().strip())) {
            problems.add(Problem.of(p + "period", "zone.reportPeriod", s.period().strip().length() > MAX_PERIOD
                    ? s.period().strip().substring(0, MAX_PERIOD) + "…" : s.period().strip(),
                    Year.now(clock).getValue() + 1));
        }
        if (s.progress() == null) {
            problems.add(Problem.of(p + "progress", "field.required"));
        } else if (s.progress() < 0 || s.progress() > 100) {
            problems.add(Problem.of(p + "progress", "zone.progress", s.progress()));
        }
        if (required(p + "summary", s.summary(), problems) && s.summary().length() > MAX_TEXT) {
            problems.add(Problem.of(p + "summary", "field.tooLong", MAX_TEXT));
        }
        if (s.issues() != null && s.issues().length() > MAX_TEXT) {
            problems.add(Problem.of(p + "issues", "field.tooLong", MAX_TEXT));
        }
        FreeText.check(p + "summary", s.summary() == null ? null : s.summary().strip(), problems);
        FreeText.check(p + "issues", s.issues() == null ? null : s.issues().strip(), problems);
        if (s.zoneId() == null || s.taskCode() == null) {
            return null;
        }
        Optional<ZonePlan> plan = plans.find(s.zoneId());
        if (plan.isEmpty()) {
            problems.add(Problem.of(p + "zoneId", "zone.unknown", s.zoneId()));
            return null;
        }
        Optional<PlanTask> task = plan.get().task(s.taskCode());
        if (task.isEmpty()) {
            problems.add(Problem.of(p + "taskCode", "zone.taskUnknown", s.taskCode(), s.zoneId()));
            return null;
        }
        if (s.bureau() != null && !task.get().ledBy(s.bureau())) {
            problems.add(Problem.of(p + "bureau", "zone.notLead", s.bureau(), s.taskCode(),
                    String.join(", ", task.get().leadBureaus())));
        }
        Optional<Lifecycle> lifecycle = store.running(s.zoneId());
        Optional<TaskState> state = lifecycle.flatMap(l -> store.task(l.lifecycleId(), s.taskCode()));
        if (state.isEmpty() || !state.get().open()) {
            problems.add(Problem.of(p + "taskCode", "zone.taskNotOpen", s.taskCode(),
                    state.map(TaskState::status).orElse(TaskState.Status.NOT_STARTED)));
        }
        return problems.size() == before ? lifecycle.orElse(null) : null;
    }

    /** The report is also shown on the lead bureaus' open task (task variables progress, lastReportAt). */
    private void onOpenTask(Lifecycle lifecycle, String taskCode, ProgressReport r) {
        if (lifecycle.processInstanceId() == null) {
            return;
        }
        taskService.createTaskQuery().processInstanceId(lifecycle.processInstanceId())
                .taskDefinitionKey(ZoneTaskForms.IMPLEMENT_TASK).taskVariableValueEquals("taskCode", taskCode).list()
                .forEach(t -> {
                    taskService.setVariableLocal(t.getId(), "progress", r.progress());
                    taskService.setVariableLocal(t.getId(), "lastReportAt", Date.from(r.receivedAt()));
                });
    }

    private static boolean required(String field, String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.of(field, "field.required"));
            return false;
        }
        return true;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
