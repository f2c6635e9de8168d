package cn.gov.sd.pilotzone.zone;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.task.CompletionForm;
import cn.gov.sd.pilotzone.task.FormField;
import cn.gov.sd.pilotzone.task.FormField.Kind;
import cn.gov.sd.pilotzone.task.TaskCompletion;
import cn.gov.sd.pilotzone.task.TaskView;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;
import cn.gov.sd.pilotzone.zone.ZoneStore.AcceptanceResult;

import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The lifecycle's task forms, completed through {@code POST /api/tasks/{id}/complete}. Which decisions each task
 * takes, its {@code fields}, and what completing it records:
 * <ul>
 * <li>{@code adoptPlan}: approve with {@code fields.planDocument} (the adopted plan, attached), or return to research;</li>
 * <li>{@code publicity}: approve with {@code fields.publicity} (channels and activities; documents optional);</li>
 * <li>{@code implementTask} (lead bureau): approve with {@code fields.evidence} (≥ 1 document), optional
 *     {@code fields.summary}; records a final report at 100 %;</li>
 * <li>{@code confirmCompletion} (coordinator): approve, or return to the lead bureaus;</li>
 * <li>{@code supervise…} (supervisor): approve with a comment (督办意见) closes the escalation;</li>
 * <li>{@code selectFirstCounties}: approve with {@code fields.firstCounties} (county bureau codes; the plan's
 *     selection when omitted), or reject with a comment when no county is accepted first;</li>
 * <li>{@code countyAcceptance}: approve (passed) or reject (not passed), optional {@code fields.score};</li>
 * <li>{@code organizeAcceptance}: approve with {@code fields.experts} (names; the last round's when omitted);</li>
 * <li>{@code expertReview}: approve with {@code fields.score} 0–100;</li>
 * <li>{@code rectification}: approve with a comment, optional {@code fields.evidence}.</li>
 * </ul>
 */
@Component
class ZoneTaskCompletion implements TaskCompletion {

    private static final Set<String> APPROVE = Set.of(CompletionForm.APPROVE);
    private static final Set<String> APPROVE_RETURN = Set.of(CompletionForm.APPROVE, CompletionForm.RETURN);
    private static final Set<String> APPROVE_REJECT = Set.of(CompletionForm.APPROVE, CompletionForm.REJECT);
    private static final Set<String> SUPERVISION = Set.of("superviseMissingReport", "superviseOverdue",
            "superviseRectification");
    private static final int MAX_NAME = 50;
    private static final int MAX_TEXT = 2000;

    private final ZoneStore store;
    private final ZonePlans plans;
    private final ZoneDocuments documents;
    private final BureauDirectory bureaus;
    private final ZoneSettings settings;
    private final TaskService taskService;

    ZoneTaskCompletion(ZoneStore store, ZonePlans plans, ZoneDocuments documents, BureauDirectory bureaus,
                       ZoneSettings settings, TaskService taskService) {
        this.store = store;
        this.plans = plans;
        this.documents = documents;
        this.bureaus = bureaus;
        this.settings = settings;
        this.taskService = taskService;
    }

    @Override
    public String processDefinitionKey() {
        return ZoneLifecycles.PROCESS;
    }

    @Override
    public Set<String> decisions(TaskView task) {
        return switch (task.taskDefinitionKey()) {
            case "adoptPlan", "confirmCompletion" -> APPROVE_RETURN;
            case "selectFirstCounties", "countyAcceptance" -> APPROVE_REJECT;
            default -> APPROVE;
        };
    }

    /** The forms above as the web UI draws them. */
    @Override
    public List<FormField> fields(TaskView task) {
        return switch (task.taskDefinitionKey()) {
            case "research", "confirmResponsibilities" -> List.of(FormField.of("documents", Kind.DOCUMENTS, false));
            case "adoptPlan" -> List.of(FormField.of("planDocument", Kind.DOCUMENT, false));
            case "publicity" -> List.of(FormField.of("publicity", Kind.LONG_TEXT, true),
                    FormField.of("documents", Kind.DOCUMENTS, false));
            case "implementTask" -> List.of(FormField.of("evidence", Kind.DOCUMENTS, true),
                    FormField.of("summary", Kind.LONG_TEXT, false));
            case "rectification" -> List.of(FormField.of("evidence", Kind.DOCUMENTS, false));
            case "selectFirstCounties" -> List.of(new FormField("firstCounties", Kind.LIST, false,
                    bureaus.all().stream().filter(b -> ZonePlans.COUNTY_TYPE.equals(b.type())).map(Bureau::code)
                            .toList()));
            case "countyAcceptance" -> List.of(FormField.of("score", Kind.NUMBER, false));
            case "organizeAcceptance" -> List.of(FormField.of("experts", Kind.LIST, false));
            case "expertReview" -> List.of(FormField.of("score", Kind.NUMBER, true));
            default -> List.of();
        };
    }

    @Override
    public List<Problem> validate(TaskView task, CompletionForm form) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> f = form.fields();
        boolean approve = CompletionForm.APPROVE.equals(form.decision());
        String key = task.taskDefinitionKey();
        switch (key) {
            case "research", "confirmResponsibilities" -> {
                allow(f, problems, "documents");
                documents.list(f.get("documents"), "fields.documents", false, problems);
            }
            case "adoptPlan" -> {
                allow(f, problems, "planDocument");
                if (approve && f.get("planDocument") == null) {
                    problems.add(Problem.of("fields.planDocument", "field.required"));
                } else if (f.get("planDocument") != null) {
                    documents.one(f.get("planDocument"), "fields.planDocument", problems);
                }
            }
            case "publicity" -> {
                allow(f, problems, "publicity", "documents");
                text(f, "publicity", true, problems);
                documents.list(f.get("documents"), "fields.documents", false, problems);
            }
            case "implementTask" -> {
                allow(f, problems, "evidence", "summary");
                documents.list(f.get("evidence"), "fields.evidence", true, problems);
                text(f, "summary", false, problems);
            }
            case "rectification" -> {
                allow(f, problems, "evidence");
                commentRequired(form, problems);
                documents.list(f.get("evidence"), "fields.evidence", false, problems);
            }
            case "selectFirstCounties" -> {
                allow(f, problems, "firstCounties");
                if (approve) {
                    counties(task, f, problems);
                }
            }
            case "countyAcceptance" -> {
                allow(f, problems, "score");
                score(f, false, problems);
            }
            case "organizeAcceptance" -> {
                allow(f, problems, "experts");
                experts(task, f, problems);
            }
            case "expertReview" -> {
                allow(f, problems, "score");
                score(f, true, problems);
            }
            default -> {
                allow(f, problems);
                if (SUPERVISION.contains(key)) {
                    commentRequired(form, problems);
                }
            }
        }
        return problems;
    }

    @Override
    public void apply(TaskView task, CompletionForm form, Caller caller, Map<String, Object> variables) {
        Lifecycle lifecycle = store.byProcessInstance(task.processInstanceId())
                .orElseThrow(() -> new IllegalStateException("no lifecycle for " + task.processInstanceId()));
        String id = lifecycle.lifecycleId();
        Map<String, Object> f = form.fields();
        boolean approve = CompletionForm.APPROVE.equals(form.decision());
        String taskCode = (String) taskService.getVariable(task.id(), "taskCode");
        List<Problem> ignored = new ArrayList<>();
        switch (task.taskDefinitionKey()) {
            case "research", "confirmResponsibilities" -> attach(task, "document", form,
                    documents.list(f.get("documents"), "documents", false, ignored));
            case "adoptPlan" -> {
                if (approve) {
                    attach(task, "planDocument", form, List.of(documents.one(f.get("planDocument"), "planDocument", ignored)));
                }
            }
            case "publicity" -> attach(task, "publicity", form, documents.list(f.get("documents"), "documents", false, ignored));
            case "implementTask" -> {
                attach(task, "evidence", form, documents.list(f.get("evidence"), "evidence", true, ignored));
                String summary = f.get("summary") instanceof String s && !s.isBlank() ? s.strip()
                        : form.comment() != null && !form.comment().isBlank() ? form.comment() : "任务已完成 / task completed";
                store.insertReport(id, lifecycle.zoneId(), taskCode, reporter(lifecycle, taskCode, caller), "completion",
                        100, summary, null, ProgressReport.Source.COMPLETION, caller.username());
            }
            case "rectification" -> attach(task, "rectification", form,
                    documents.list(f.get("evidence"), "evidence", false, ignored));
            case "selectFirstCounties" -> {
                List<String> counties = approve ? counties(task, f, ignored) : List.of();
                variables.put("firstCounties", new ArrayList<>(counties));
                store.setFirstCounties(id, counties);
            }
            case "countyAcceptance" -> {
                String county = (String) taskService.getVariable(task.id(), "county");
                store.recordAcceptance(id, AcceptanceResult.COUNTY, 1, county, score(f, false, ignored), approve,
                        form.comment(), caller.username());
            }
            case "organizeAcceptance" -> {
                List<String> experts = experts(task, f, ignored);
                variables.put("experts", new ArrayList<>(experts));
                variables.put("acceptanceRound", store.nextAcceptanceRound(id));
            }
            case "expertReview" -> {
                String expert = (String) taskService.getVariable(task.id(), "expert");
                int round = ((Number) taskService.getVariable(task.id(), "acceptanceRound")).intValue();
                store.recordAcceptance(id, AcceptanceResult.EXPERT, round, expert, score(f, true, ignored), null,
                        form.comment(), caller.username());
            }
            default -> {
                if (SUPERVISION.contains(task.taskDefinitionKey())) {
                    String escalationId = (String) taskService.getVariable(task.id(), "escalationId");
                    if (escalationId != null) {
                        store.resolve(escalationId, caller.username(), form.comment());
                    }
                }
            }
        }
        store.addEvent(id, caller.username(), task.taskDefinitionKey(), taskCode, form.decision(), form.comment());
    }

    private void attach(TaskView task, String type, CompletionForm form, List<ZoneDocuments.Document> docs) {
        documents.attach(task.id(), task.processInstanceId(), type, form.comment(), docs);
    }

    /** Who reports a completion: the caller's bureau if it leads the task, else the task's first lead bureau. */
    private String reporter(Lifecycle lifecycle, String taskCode, Caller caller) {
        PlanTask t = plans.get(lifecycle.zoneId()).task(taskCode).orElseThrow();
        return caller.bureauCode() != null && t.ledBy(caller.bureauCode()) ? caller.bureauCode() : t.leadBureaus().get(0);
    }

    private List<String> counties(TaskView task, Map<String, Object> f, List<Problem> problems) {
        Object value = f.get("firstCounties");
        List<String> counties = value == null ? defaultList(task, "firstCounties") : strings(value, "fields.firstCounties", problems);
        if (counties.isEmpty()) {
            problems.add(Problem.of("fields.firstCounties", "zone.countiesRequired"));
        }
        Set<String> seen = new HashSet<>();
        for (String c : counties) {
            if (!bureaus.find(c).map(b -> ZonePlans.COUNTY_TYPE.equals(b.type())).orElse(false)) {
                problems.add(Problem.of("fields.firstCounties", "zone.countyUnknown", c));
            } else if (!seen.add(c)) {
                problems.add(Problem.of("fields.firstCounties", "zone.duplicate", c));
            }
        }
        return counties;
    }

    private List<String> experts(TaskView task, Map<String, Object> f, List<Problem> problems) {
        Object value = f.get("experts");
        List<String> experts = value == null ? defaultList(task, "experts") : strings(value, "fields.experts", problems);
        if (experts.size() < settings.minExperts()) {
            problems.add(Problem.of("fields.experts", "zone.expertsTooFew", settings.minExperts()));
        }
        if (new LinkedHashSet<>(experts).size() != experts.size()) {
            problems.add(Problem.of("fields.experts", "zone.expertsDistinct"));
        }
        experts.stream().filter(e -> e.isBlank() || e.length() > MAX_NAME).findFirst()
                .ifPresent(e -> problems.add(Problem.of("fields.experts", "field.tooLong", MAX_NAME)));
        return experts;
    }

    @SuppressWarnings("unchecked")
    private List<String> defaultList(TaskView task, String variable) {
        Object v = taskService.getVariable(task.id(), variable);
        return v instanceof List<?> l ? new ArrayList<>((List<String>) l) : new ArrayList<>();
    }

    private static List<String> strings(Object value, String field, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        if (!(value instanceof List<?> items)) {
            problems.add(Problem.of(field, "field.notList"));
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof String s && !s.isBlank()) {
                out.add(s.strip());
            } else {
                problems.add(Problem.of(field + "[" + i + "]", "field.notText"));
            }
        }
        return out;
    }

    private static BigDecimal score(Map<String, Object> f, boolean required, List<Problem> problems) {
        Object v = f.get("score");
        if (v == null) {
            if (required) {
                problems.add(Problem.of("fields.score", "field.required"));
            }
            return null;
        }
        BigDecimal score;
        try {
            score = v instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            problems.add(Problem.of("fields.score", "number.format", v));
            return null;
        }
        if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 2) {
            problems.add(Problem.of("fields.score", "zone.score"));
            return null;
        }
        return score;
    }

    private static void text(Map<String, Object> f, String name, boolean required, List<Problem> problems) {
        Object v = f.get(name);
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                problems.add(Problem.of("fields." + name, "field.required"));
            }
        } else if (!(v instanceof String s)) {
            problems.add(Problem.of("fields." + name, "field.notText"));
        } else if (s.length() > MAX_TEXT) {
            problems.add(Problem.of("fields." + name, "field.tooLong", MAX_TEXT));
        }
    }

    private static void commentRequired(CompletionForm form, List<Problem> problems) {
        if (form.comment() == null || form.comment().isBlank()) {
            problems.add(Problem.of("comment", "field.required"));
        }
    }

    private static void allow(Map<String, Object> f, List<Problem> problems, String... names) {
        Set<String> allowed = Set.of(names);
        f.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> problems.add(Problem.of("fields." + k, "field.unknown")));
    }
}
