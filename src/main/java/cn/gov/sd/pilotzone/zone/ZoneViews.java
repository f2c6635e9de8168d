package cn.gov.sd.pilotzone.zone;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.zone.ZonePlan.Action;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;
import cn.gov.sd.pilotzone.zone.ZoneStore.AcceptanceResult;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * What the zone API, the supervisor bulletin and the dashboard show of a zone: the plan joined with the state of
 * its current lifecycle (running, else last accepted). Every view is built for a set of visible tasks, so a
 * clerk's view holds only their bureau's tasks.
 */
@Component
public class ZoneViews {

    public record BureauRef(String code, String name) {
    }

    /** One plan task (docs/api.md {@code tasks[]}), with the fields the bulletin needs besides. */
    public record TaskItem(String code, String title, String titleEn, String action, String actionTitle,
                           List<BureauRef> leadBureaus, List<BureauRef> supportingUnits, TaskState.Status status,
                           String statusName, Integer progress, LocalDate lastReportOn, Instant lastReportAt,
                           String lastReportSummary, String lastReportIssues, Instant dueAt, boolean overdue,
                           long overdueDays, List<Escalation.Kind> escalations, Instant doneAt) {
        public boolean escalated() {
            return !escalations.isEmpty();
        }
    }

    public record PhaseItem(ZonePlan.PhaseCode code, String name, String nameEn, LocalDate start, LocalDate end) {
    }

    public record LifecycleItem(String lifecycleId, String processInstanceId, Lifecycle.Status status,
                                String startedBy, Instant startedAt, String reportPeriod, Instant implementationStart,
                                Instant implementationDue, Instant acceptanceStart, List<BureauRef> firstCounties,
                                int acceptanceRound, BigDecimal acceptanceScore, Instant endedAt, long openEscalations) {
    }

    public record AcceptanceItem(String kind, int round, String subject, String subjectName, BigDecimal score,
                                 Boolean passed, String remark, String recordedBy, Instant recordedAt) {
    }

    /**
     * One zone (docs/api.md). {@code phase} is null, and written as such, for a zone of the province without a
     * lifecycle plan ({@link #unplanned}); then {@code tasks} is empty and {@code designation} says where it stands.
     */
    public record ZoneDetail(String zoneId, String name, String nameEn,
                             @JsonInclude(JsonInclude.Include.ALWAYS) Lifecycle.Phase phase, String phaseName,
                             BureauRef coordinator, List<PhaseItem> phases, LifecycleItem lifecycle,
                             List<TaskItem> tasks, List<AcceptanceItem> acceptance,
                             List<ZoneDocuments.DocumentView> documents,
                             ZoneDesignations.DesignationSummary designation) {
    }

    public record ZoneSummary(String zoneId, String name, String nameEn, Lifecycle.Phase phase, String phaseName,
                              int tasks, int done, int overdue, int escalated) {
    }

    public record BureauCounts(String code, String name, int open, int overdue, int done) {
    }

    public record OpenTask(String id, String name, String taskDefinitionKey, List<String> candidateGroups,
                           Instant due) {
    }

    public record TaskDetail(TaskItem task, List<ProgressReport> reports, List<Escalation> escalations,
                             List<OpenTask> openTasks, List<ZoneStore.Event> history) {
    }

    public record ActionGroup(String code, String title, List<TaskItem> tasks) {
    }

    public record Totals(int tasks, int done, int inProgress, int awaitingConfirmation, int overdue, int escalated) {
    }

    /** The supervisor bulletin (定期通报) as JSON; the workbook has the same content. */
    public record Bulletin(String zoneId, String name, Lifecycle.Phase phase, String phaseName, Instant generatedAt,
                           Totals totals, List<ActionGroup> actions) {
    }

    private final ZoneStore store;
    private final BureauDirectory bureaus;
    private final ZoneDocuments documents;
    private final TaskService taskService;
    private final Messages messages;
    private final Clock clock;
    private final ZoneCaseAccess caseAccess;

    private final ZonePlans plans;
    private final ZoneAccess access;
    private final ProvinceZones province;

    ZoneViews(ZoneStore store, BureauDirectory bureaus, ZoneDocuments documents, TaskService taskService,
                     Messages messages, Clock clock, ZoneCaseAccess caseAccess, ZoneDesignations designations,
                     ZonePlans plans, ZoneAccess access, ProvinceZones province) {
        this.plans = plans;
        this.access = access;
        this.province = province;
        this.caseAccess = caseAccess;
        this.designations = designations;
        this.store = store;
        this.bureaus = bureaus;
        this.documents = documents;
        this.taskService = taskService;
        this.messages = messages;
        this.clock = clock;
    }

    private final ZoneDesignations designations;

    public ZoneSummary summary(ZonePlan plan, Predicate<PlanTask> visible) {
        Optional<Lifecycle> lifecycle = store.current(plan.id());
        List<TaskItem> tasks = tasks(plan, lifecycle, visible);
        Lifecycle.Phase phase = phase(lifecycle);
        return new ZoneSummary(plan.id(), plan.name(), plan.nameEn(), phase, phaseName(plan, phase, Locale.CHINESE),
                tasks.size(), count(tasks, t -> t.status() == TaskState.Status.DONE), count(tasks, TaskItem::overdue),
                count(tasks, TaskItem::escalated));
    }

    public ZoneDetail detail(ZonePlan plan, Predicate<PlanTask> visible, boolean everything) {
        Optional<Lifecycle> lifecycle = store.current(plan.id());
        Lifecycle.Phase phase = phase(lifecycle);
        List<PhaseItem> phases = plan.phases().stream()
                .map(p -> new PhaseItem(p.code(), p.name(), p.nameEn(), p.start(), p.end())).toList();
        LifecycleItem item = lifecycle.map(this::lifecycleItem).orElse(null);
        List<AcceptanceItem> acceptance = everything ? lifecycle.map(l -> acceptance(l.lifecycleId())).orElse(List.of())
                : List.of();
        List<ZoneDocuments.DocumentView> docs = lifecycle.map(l -> documents.ofProcess(l.processInstanceId()))
                .orElse(List.of()).stream()
                .filter(d -> everything || visibleTaskDocument(plan, d, visible)).toList();
        return new ZoneDetail(plan.id(), plan.name(), plan.nameEn(), phase, phaseName(plan, phase, Locale.CHINESE),
                ref(plan.coordinator()), phases, item, tasks(plan, lifecycle, visible), acceptance, docs, designations.of(plan.id()).orElse(null));
    }

    /** A zone of the province without a lifecycle plan: its designation, no phase and no tasks. */
    public ZoneDetail unplanned(ProvinceZones.KnownZone zone) {
        return new ZoneDetail(zone.zoneId(), zone.name(), zone.nameEn(), null, null, ref(zone.bureau()), List.of(),
                null, List.of(), List.of(), List.of(), designations.of(zone.zoneId()).orElse(null));
    }

    /**
     * The zones the caller sees ({@code GET /api/zones}, the zones page): those with a lifecycle plan with the tasks
     * the caller sees, then the province's other zones, without phase or tasks.
     */
    public List<ZoneSummary> summaries(Caller caller) {
        List<ZoneSummary> planned = plans.all().stream().filter(p -> access.seesZone(caller, p))
                .map(p -> summary(p, t -> access.seesTask(caller, p, t))).toList();
        List<ZoneSummary> unplanned = province.all().stream()
                .filter(z -> plans.find(z.zoneId()).isEmpty() && access.seesZone(caller, z))
                .map(z -> new ZoneSummary(z.zoneId(), z.name(), z.nameEn(), null, null, 0, 0, 0, 0)).toList();
        return Stream.concat(planned.stream(), unplanned.stream()).toList();
    }

    /** A clerk who does not see every task sees only the evidence of tasks they see (ZoneCaseAccess's rule). */
    private boolean visibleTaskDocument(ZonePlan plan, ZoneDocuments.DocumentView d, Predicate<PlanTask> visible) {
        return caseAccess.planTask(plan, d.taskId()).filter(visible).isPresent();
    }

    public TaskDetail taskDetail(ZonePlan plan, PlanTask task) {
        Optional<Lifecycle> lifecycle = store.current(plan.id());
        TaskItem item = tasks(plan, lifecycle, t -> t.code().equals(task.code())).get(0);
        if (lifecycle.isEmpty()) {
            return new TaskDetail(item, List.of(), List.of(), List.of(), List.of());
        }
        Lifecycle l = lifecycle.get();
        List<OpenTask> open = l.processInstanceId() == null ? List.of()
                : taskService.createTaskQuery().processInstanceId(l.processInstanceId())
                .taskVariableValueEquals("taskCode", task.code()).includeIdentityLinks().list().stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                        t.getIdentityLinks().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                                .map(IdentityLinkInfo::getGroupId).filter(Objects::nonNull).toList(),
                        t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                .toList();
        return new TaskDetail(item, store.reports(l.lifecycleId(), task.code()),
                store.escalations(l.lifecycleId()).stream().filter(e -> task.code().equals(e.taskCode())).toList(),
                open, store.events(l.lifecycleId()).stream().filter(e -> task.code().equals(e.taskCode())).toList());
    }

    /** Open, overdue and done tasks per lead bureau (a task with three lead bureaus counts for each). */
    public List<BureauCounts> bureauCounts(ZonePlan plan, Predicate<String> visibleBureau) {
        List<TaskItem> tasks = tasks(plan, store.current(plan.id()), t -> true);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (TaskItem t : tasks) {
            for (BureauRef b : t.leadBureaus()) {
                if (!visibleBureau.test(b.code())) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(b.code(), k -> new int[3]);
                if (t.status() == TaskState.Status.DONE) {
                    c[2]++;
                } else if (t.status() != TaskState.Status.NOT_STARTED) {
                    c[0]++;
                    if (t.overdue()) {
                        c[1]++;
                    }
                }
            }
        }
        return counts.entrySet().stream()
                .map(e -> new BureauCounts(e.getKey(), name(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt(BureauCounts::open).reversed().thenComparing(BureauCounts::code))
                .toList();
    }

    public Bulletin bulletin(ZonePlan plan, Predicate<PlanTask> visible) {
        Optional<Lifecycle> lifecycle = store.current(plan.id());
        Lifecycle.Phase phase = phase(lifecycle);
        List<TaskItem> tasks = tasks(plan, lifecycle, visible);
        Map<String, List<TaskItem>> byAction = tasks.stream()
                .collect(Collectors.groupingBy(TaskItem::action, LinkedHashMap::new, Collectors.toList()));
        List<ActionGroup> groups = new ArrayList<>();
        for (Action a : plan.actions()) {
            List<TaskItem> items = byAction.get(a.code());
            if (items != null) {
                groups.add(new ActionGroup(a.code(), a.title(), items));
            }
        }
        Totals totals = new Totals(tasks.size(), count(tasks, t -> t.status() == TaskState.Status.DONE),
                count(tasks, t -> t.status() == TaskState.Status.IN_PROGRESS),
                count(tasks, t -> t.status() == TaskState.Status.AWAITING_CONFIRMATION),
                count(tasks, TaskItem::overdue), count(tasks, TaskItem::escalated));
        return new Bulletin(plan.id(), plan.name(), phase, phaseName(plan, phase, Locale.CHINESE), clock.instant(),
                totals, groups);
    }

    // --- building blocks

    List<TaskItem> tasks(ZonePlan plan, Optional<Lifecycle> lifecycle, Predicate<PlanTask> visible) {
        Instant now = clock.instant();
        Map<String, TaskState> states = lifecycle.map(l -> store.tasks(l.lifecycleId())).orElse(List.of()).stream()
                .collect(Collectors.toMap(TaskState::taskCode, s -> s));
        Map<String, ProgressReport> latest = lifecycle.map(l -> store.latestReports(l.lifecycleId())).orElse(Map.of());
        Map<String, List<Escalation.Kind>> open = new LinkedHashMap<>();
        lifecycle.map(l -> store.escalations(l.lifecycleId())).orElse(List.of()).stream()
                .filter(e -> e.open() && e.taskCode() != null)
                .forEach(e -> open.computeIfAbsent(e.taskCode(), k -> new ArrayList<>()).add(e.kind()));
        List<TaskItem> items = new ArrayList<>();
        for (Action a : plan.actions()) {
            for (PlanTask t : a.tasks()) {
                if (!visible.test(t)) {
                    continue;
                }
                TaskState s = states.get(t.code());
                TaskState.Status status = s == null ? TaskState.Status.NOT_STARTED : s.status();
                boolean overdue = s != null && s.overdueAt(now);
                long overdueDays = overdue ? Duration.between(s.dueAt(), now).toDays() : 0;
                ProgressReport r = latest.get(t.code());
                Instant lastAt = s == null ? null : s.lastReportAt();
                items.add(new TaskItem(t.code(), t.title(), t.titleEn(), a.code(), a.title(), refs(t.leadBureaus()),
                        refs(t.supportingUnits()), status, messages.get("zone.status." + status, Messages.CHINESE),
                        s == null ? null : s.progress(),
                        lastAt == null ? null : LocalDate.ofInstant(lastAt, ZoneSettings.PLAN_TIME), lastAt,
                        r == null ? null : r.summary(), r == null ? null : r.issues(), s == null ? null : s.dueAt(),
                        overdue, overdueDays, List.copyOf(open.getOrDefault(t.code(), List.of())),
                        s == null ? null : s.doneAt()));
            }
        }
        return items;
    }

    private LifecycleItem lifecycleItem(Lifecycle l) {
        long openEscalations = store.escalations(l.lifecycleId()).stream().filter(Escalation::open).count();
        return new LifecycleItem(l.lifecycleId(), l.processInstanceId(), l.status(), l.startedBy(), l.startedAt(),
                l.reportPeriod(), l.implementationStart(), l.implementationDue(), l.acceptanceStart(),
                refs(l.firstCounties()), l.acceptanceRound(), l.acceptanceScore(), l.endedAt(), openEscalations);
    }

    private List<AcceptanceItem> acceptance(String lifecycleId) {
        return store.acceptance(lifecycleId).stream()
                .map(r -> new AcceptanceItem(r.kind(), r.round(), r.subject(),
                        AcceptanceResult.COUNTY.equals(r.kind()) ? name(r.subject()) : r.subject(), r.score(),
                        r.passed(), r.remark(), r.recordedBy(), r.recordedAt()))
                .toList();
    }

    static Lifecycle.Phase phase(Optional<Lifecycle> lifecycle) {
        return lifecycle.map(Lifecycle::phase).orElse(Lifecycle.Phase.NOT_STARTED);
    }

    String phaseName(ZonePlan plan, Lifecycle.Phase phase, Locale locale) {
        return switch (phase) {
            case MOBILIZATION, IMPLEMENTATION, ACCEPTANCE -> plan.phase(ZonePlan.PhaseCode.valueOf(phase.name()))
                    .map(p -> Locale.ENGLISH.equals(locale) && p.nameEn() != null ? p.nameEn() : p.name()).orElse(phase.name());
            default -> messages.get("zone.phase." + phase, locale);
        };
    }

    private List<BureauRef> refs(List<String> codes) {
        return codes.stream().map(this::ref).toList();
    }

    private BureauRef ref(String code) {
        return new BureauRef(code, name(code));
    }

    private String name(String code) {
        return bureaus.find(code).map(Bureau::name).orElse(code);
    }

    private static int count(List<TaskItem> tasks, Predicate<TaskItem> p) {
        return (int) tasks.stream().filter(p).count();
    }
}
