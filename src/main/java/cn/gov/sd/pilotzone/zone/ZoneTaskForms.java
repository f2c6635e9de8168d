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
import cn.gov.sd.pilotzone.task.ProcessForms;
import cn.gov.sd.pilotzone.task.TaskForm;
import cn.gov.sd.pilotzone.task.TaskView;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;
import cn.gov.sd.pilotzone.zone.ZoneStore.AcceptanceResult;

import org.flowable.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The task forms of {@code pilotZoneLifecycle}, completed through {@code POST /api/tasks/{id}/complete} and the task
 * page: each task's decisions, {@code fields}, checks and what completing it records (docs/processes.md describes
 * them for people).
 */
@Component
class ZoneTaskForms implements ProcessForms {

    static final String IMPLEMENT_TASK = "implementTask";
    static final String RECTIFICATION = "rectification";
    private static final int MAX_TEXT = 2000;

    /** What completing a lifecycle task writes besides the event every completion records. */
    @FunctionalInterface
    private interface ZoneEffect {
        void apply(TaskView task, CompletionForm form, Caller caller, Map<String, Object> variables, Lifecycle lifecycle,
                   String taskCode);
    }

    private final ZoneStore store;
    private final ZonePlans plans;
    private final ZoneDocuments documents;
    private final BureauDirectory bureaus;
    private final ZoneSettings settings;
    private final TaskService taskService;

    /**
     * The expert panel's accounts ({@code hub.province.experts}, the panel that also scores designations): each
     * expert of an acceptance round scores in their own task (docs/security.md).
     */
    private final List<String> panel;

    ZoneTaskForms(ZoneStore store, ZonePlans plans, ZoneDocuments documents, BureauDirectory bureaus,
                  ZoneSettings settings, TaskService taskService,
                  @Value("${hub.province.experts:expert-1,expert-2,expert-3}") List<String> panel) {
        this.panel = List.copyOf(panel);
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
    public List<TaskForm> forms() {
        FormField documentsField = FormField.of("documents", Kind.DOCUMENTS, false);
        List<String> counties = bureaus.all().stream().filter(b -> ZonePlans.COUNTY_TYPE.equals(b.type()))
                .map(Bureau::code).toList();
        return List.of(
                documentsForm("research"), documentsForm("confirmResponsibilities"),
                form("adoptPlan", TaskForm.APPROVE_RETURN, (task, form, caller, variables, lifecycle, taskCode) -> {
                    if (approve(form)) {
                        attach(task, "planDocument", form,
                                List.of(documents.one(form.fields().get("planDocument"), "planDocument", new ArrayList<>())));
                    }
                }).withFields(FormField.of("planDocument", Kind.DOCUMENT, false)).withCheck((task, form, problems) -> {
                    Object plan = form.fields().get("planDocument");
                    if (approve(form) && plan == null) {
                        problems.add(Problem.of("fields.planDocument", "field.required"));
                    } else if (plan != null) {
                        documents.one(plan, "fields.planDocument", problems);
                    }
                }),
                form("publicity", TaskForm.APPROVE, (task, form, caller, variables, lifecycle, taskCode) ->
                        attach(task, "publicity", form, documents.list(form.fields().get("documents"), "documents",
                                false, new ArrayList<>())))
                        .withFields(FormField.of("publicity", Kind.LONG_TEXT, true), documentsField)
                        .withCheck((task, form, problems) -> {
                            text(form.fields(), "publicity", true, problems);
                            documents.list(form.fields().get("documents"), "fields.documents", false, problems);
                        }),
                form(IMPLEMENT_TASK, TaskForm.APPROVE, this::completeImplementation)
                        .withFields(FormField.of("evidence", Kind.DOCUMENTS, true), FormField.of("summary", Kind.LONG_TEXT, false))
                        .withCheck((task, form, problems) -> {
                            documents.list(form.fields().get("evidence"), "fields.evidence", true, problems);
                            text(form.fields(), "summary", false, problems);
                        }),
                form("confirmCompletion", TaskForm.APPROVE_RETURN, ZoneTaskForms::nothing),
                supervision("superviseMissingReport"), supervision("superviseOverdue"),
                supervision("superviseRectification"),
                form("selectFirstCounties", TaskForm.APPROVE_REJECT,
                        (task, form, caller, variables, lifecycle, taskCode) -> {
                            List<String> first = approve(form) ? counties(task, form.fields(), new ArrayList<>()) : List.of();
                            variables.put("firstCounties", new ArrayList<>(first));
                            store.setFirstCounties(lifecycle.lifecycleId(), first);
                        })
                        .withFields(new FormField("firstCounties", Kind.LIST, false, counties))
                        .withCheck((task, form, problems) -> {
                            if (approve(form)) {
                                counties(task, form.fields(), problems);
                            }
                        }),
                form("countyAcceptance", TaskForm.APPROVE_REJECT,
                        (task, form, caller, variables, lifecycle, taskCode) -> store.recordAcceptance(
                                lifecycle.lifecycleId(), AcceptanceResult.COUNTY, 1,
                                (String) taskService.getVariable(task.id(), "county"),
                                score(form.fields(), false, new ArrayList<>()), approve(form), form.comment(), caller.username()))
                        .withFields(FormField.of("score", Kind.NUMBER, false))
                        .withCheck((task, form, problems) -> score(form.fields(), false, problems)),
                form("organizeAcceptance", TaskForm.APPROVE,
                        (task, form, caller, variables, lifecycle, taskCode) -> {
                            variables.put("experts", new ArrayList<>(experts(task, form.fields(), new ArrayList<>())));
                            variables.put("acceptanceRound", store.nextAcceptanceRound(lifecycle.lifecycleId()));
                        })
                        .withFields(new FormField("experts", Kind.LIST, false, panel))
                        .withCheck((task, form, problems) -> experts(task, form.fields(), problems)),
                form("expertReview", TaskForm.APPROVE,
                        (task, form, caller, variables, lifecycle, taskCode) -> store.recordAcceptance(
                                lifecycle.lifecycleId(), AcceptanceResult.EXPERT,
                                ((Number) taskService.getVariable(task.id(), "acceptanceRound")).intValue(),
                                (String) taskService.getVariable(task.id(), "expert"),
                                score(form.fields(), true, new ArrayList<>()), null, form.comment(), caller.username()))
                        .withFields(FormField.of("score", Kind.NUMBER, true))
                        .withCheck((task, form, problems) -> score(form.fields(), true, problems))
                        .onlyByAssignee(),
                form(RECTIFICATION, TaskForm.APPROVE, (task, form, caller, variables, lifecycle, taskCode) ->
                        attach(task, "rectification", form, documents.list(form.fields().get("evidence"), "evidence",
                                false, new ArrayList<>())))
                        .withFields(FormField.of("evidence", Kind.DOCUMENTS, false))
                        .withCheck((task, form, problems) -> {
                            commentRequired(form, problems);
                            documents.list(form.fields().get("evidence"), "fields.evidence", false, problems);
                        }));
    }

    /** A task of the lifecycle: its own effect, then the event every completion leaves in the zone's history. */
    private TaskForm form(String taskKey, Set<String> decisions, ZoneEffect effect) {
        return TaskForm.of(taskKey, decisions).withEffect((task, form, caller, variables) -> {
            Lifecycle lifecycle = store.byProcessInstance(task.processInstanceId())
                    .orElseThrow(() -> new IllegalStateException("no lifecycle for " + task.processInstanceId()));
            String taskCode = (String) taskService.getVariable(task.id(), "taskCode");
            effect.apply(task, form, caller, variables, lifecycle, taskCode);
            store.addEvent(lifecycle.lifecycleId(), caller.username(), task.taskDefinitionKey(), taskCode,
                    form.decision(), form.comment());
        });
    }

    /** Research and responsibilities: approve, optionally with documents. */
    private TaskForm documentsForm(String taskKey) {
        return form(taskKey, TaskForm.APPROVE, (task, form, caller, variables, lifecycle, taskCode) ->
                attach(task, "document", form, documents.list(form.fields().get("documents"), "documents", false,
                        new ArrayList<>())))
                .withFields(FormField.of("documents", Kind.DOCUMENTS, false))
                .withCheck((task, form, problems) ->
                        documents.list(form.fields().get("documents"), "fields.documents", false, problems));
    }

    /** A supervisor's 督办: approve with a comment (督办意见), which closes the escalation. */
    private TaskForm supervision(String taskKey) {
        return form(taskKey, TaskForm.APPROVE, (task, form, caller, variables, lifecycle, taskCode) -> {
            String escalationId = (String) taskService.getVariable(task.id(), "escalationId");
            if (escalationId != null) {
                store.resolve(escalationId, caller.username(), form.comment());
            }
        }).withCheck((task, form, problems) -> commentRequired(form, problems));
    }

    /** The lead bureau's completion: the evidence, and a final report at 100 %. */
    private void completeImplementation(TaskView task, CompletionForm form, Caller caller, Map<String, Object> variables,
                                        Lifecycle lifecycle, String taskCode) {
        Map<String, Object> f = form.fields();
        attach(task, "evidence", form, documents.list(f.get("evidence"), "evidence", true, new ArrayList<>()));
        String summary = f.get("summary") instanceof String s && !s.isBlank() ? s.strip()
                : form.comment() != null && !form.comment().isBlank() ? form.comment() : "任务已完成 / task completed";
        store.insertReport(lifecycle.lifecycleId(), lifecycle.zoneId(), taskCode, reporter(lifecycle, taskCode, caller),
                "completion", 100, summary, null, ProgressReport.Source.COMPLETION, caller.username());
    }

    private static void nothing(TaskView task, CompletionForm form, Caller caller, Map<String, Object> variables,
                                Lifecycle lifecycle, String taskCode) {
    }

    private static boolean approve(CompletionForm form) {
        return CompletionForm.APPROVE.equals(form.decision());
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
        experts.stream().filter(e -> !panel.contains(e)).findFirst()
                .ifPresent(e -> problems.add(Problem.of("fields.experts", "zone.expertNotOnPanel", e, panel)));
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
}
