package cn.gov.sd.pilotzone.province;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.CompletionForm;
import cn.gov.sd.pilotzone.task.FormField;
import cn.gov.sd.pilotzone.task.FormField.Kind;
import cn.gov.sd.pilotzone.task.TaskCompletion;
import cn.gov.sd.pilotzone.task.TaskView;

import org.springframework.stereotype.Component;

/**
 * The task forms of {@code zoneDesignation} (docs/province.md), completed through {@code POST /api/tasks/{id}/complete}:
 * <ul>
 * <li>{@code formalCheck} (省工信厅): approve, optional {@code fields.experts} (the configured experts when omitted),
 *     or return for correction with a comment;</li>
 * <li>{@code correctApplication} (the city): approve, optional {@code fields.theme};</li>
 * <li>{@code expertReview} (each assigned expert): approve with {@code fields.score} 0–100;</li>
 * <li>{@code provinceDecision} (省工信厅): approve with {@code fields.batch} (批次), or reject with the reasons;</li>
 * <li>{@code annualReport} (the city): approve with {@code fields.year} and {@code fields.report};</li>
 * <li>{@code annualEvaluation} (省工信厅): approve with {@code fields.rating} 优秀/良好/合格/不合格 and optional
 *     {@code fields.recommend} = true (only with 优秀 or 良好) to recommend the zone for national creation.</li>
 * </ul>
 */
@Component
class DesignationForms implements TaskCompletion {

    private static final Set<String> APPROVE = Set.of(CompletionForm.APPROVE);
    private static final Set<String> APPROVE_RETURN = Set.of(CompletionForm.APPROVE, CompletionForm.RETURN);
    private static final Set<String> APPROVE_REJECT = Set.of(CompletionForm.APPROVE, CompletionForm.REJECT);

    private final Designations designations;
    private final DesignationStore store;

    DesignationForms(Designations designations, DesignationStore store) {
        this.designations = designations;
        this.store = store;
    }

    static String scoreVariable(String expert) {
        return "score_" + expert;
    }

    @Override
    public String processDefinitionKey() {
        return Designations.PROCESS;
    }

    @Override
    public Set<String> decisions(TaskView task) {
        return switch (task.taskDefinitionKey()) {
            case "formalCheck" -> APPROVE_RETURN;
            case "provinceDecision" -> APPROVE_REJECT;
            default -> APPROVE;
        };
    }

    @Override
    public List<FormField> fields(TaskView task) {
        return switch (task.taskDefinitionKey()) {
            case "formalCheck" -> List.of(new FormField("experts", Kind.LIST, false, designations.experts()));
            case "correctApplication" -> List.of(FormField.of("theme", Kind.TEXT, false));
            case "expertReview" -> List.of(FormField.of("score", Kind.NUMBER, true));
            case "provinceDecision" -> List.of(FormField.of("batch", Kind.TEXT, false));
            case "annualReport" -> List.of(FormField.of("year", Kind.NUMBER, true),
                    FormField.of("report", Kind.LONG_TEXT, true));
            case "annualEvaluation" -> List.of(new FormField("rating", Kind.LIST, true, DesignationSteps.RATINGS),
                    new FormField("recommend", Kind.LIST, false, List.of("true", "false")));
            default -> List.of();
        };
    }

    @Override
    public List<Problem> validate(TaskView task, CompletionForm form) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> f = form.fields();
        boolean approve = CompletionForm.APPROVE.equals(form.decision());
        switch (task.taskDefinitionKey()) {
            case "formalCheck" -> {
                Object experts = f.get("experts");
                if (experts != null && (!(experts instanceof List<?> list) || list.size() < 2
                        || !designations.experts().containsAll(list) || Set.copyOf(list).size() != list.size())) {
                    problems.add(Problem.of("fields.experts", "designation.experts", designations.experts()));
                }
            }
            case "expertReview" -> {
                BigDecimal score = number(f.get("score"));
                if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
                    problems.add(Problem.of("fields.score", "designation.score"));
                }
            }
            case "provinceDecision" -> {
                if (approve && text(f.get("batch")) == null) {
                    problems.add(Problem.of("fields.batch", "field.required"));
                }
            }
            case "annualReport" -> {
                BigDecimal year = number(f.get("year"));
                if (year == null || year.scale() > 0 || year.intValue() < 2000 || year.intValue() > 2100) {
                    problems.add(Problem.of("fields.year", "designation.year"));
                }
                if (text(f.get("report")) == null) {
                    problems.add(Problem.of("fields.report", "field.required"));
                }
            }
            case "annualEvaluation" -> {
                String rating = text(f.get("rating"));
                if (rating == null || !DesignationSteps.RATINGS.contains(rating)) {
                    problems.add(Problem.of("fields.rating", "designation.rating", DesignationSteps.RATINGS));
                } else if (recommend(f) && !List.of("优秀", "良好").contains(rating)) {
                    problems.add(Problem.of("fields.recommend", "designation.recommend"));
                }
            }
            default -> {
            }
        }
        return problems;
    }

    @Override
    public void apply(TaskView task, CompletionForm form, Caller caller, Map<String, Object> variables) {
        Map<String, Object> f = form.fields();
        String zoneId = task.businessKey();
        switch (task.taskDefinitionKey()) {
            case "formalCheck" -> {
                if (f.get("experts") instanceof List<?> list) {
                    variables.put("experts", new ArrayList<>(list.stream().map(String::valueOf).toList()));
                }
            }
            case "correctApplication" -> {
                if (text(f.get("theme")) != null) {
                    variables.put("theme", text(f.get("theme")));
                }
            }
            case "expertReview" -> variables.put(scoreVariable(task.assignee() != null ? task.assignee()
                    : caller.username()), number(f.get("score")));
            case "provinceDecision" -> variables.put("batch", text(f.get("batch")));
            case "annualReport" -> {
                int year = number(f.get("year")).intValue();
                store.reported(zoneId, year, text(f.get("report")), caller.username());
                variables.put("evaluationYear", year);
            }
            case "annualEvaluation" -> {
                variables.put("rating", text(f.get("rating")));
                variables.put("recommend", recommend(f));
                variables.put("ratedBy", caller.username());
            }
            default -> {
            }
        }
    }

    private static boolean recommend(Map<String, Object> f) {
        return "true".equalsIgnoreCase(String.valueOf(f.get("recommend")));
    }

    private static String text(Object v) {
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).trim();
    }

    private static BigDecimal number(Object v) {
        try {
            return v == null ? null : new BigDecimal(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
