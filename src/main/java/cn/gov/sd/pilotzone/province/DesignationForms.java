package cn.gov.sd.pilotzone.province;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.task.CompletionForm;
import cn.gov.sd.pilotzone.task.FormField;
import cn.gov.sd.pilotzone.task.FormField.Kind;
import cn.gov.sd.pilotzone.task.ProcessForms;
import cn.gov.sd.pilotzone.task.TaskForm;
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
class DesignationForms implements ProcessForms {

    private final Designations designations;
    private final DesignationStore store;

    DesignationForms(Designations designations, DesignationStore store) {
        this.designations = designations;
        this.store = store;
    }

    static String scoreVariable(String expert) {
        return "score_" + expert;
    }

    /** The comment an expert gave with the score, shown with it once every expert has scored. */
    static String scoreCommentVariable(String expert) {
        return "scoreComment_" + expert;
    }

    @Override
    public String processDefinitionKey() {
        return Designations.PROCESS;
    }

    @Override
    public List<TaskForm> forms() {
        return List.of(
                TaskForm.of("formalCheck", TaskForm.APPROVE_RETURN)
                        .withFields(new FormField("experts", Kind.LIST, false, designations.experts()))
                        .withCheck((task, form, problems) -> {
                            Object experts = form.fields().get("experts");
                            if (experts != null && (!(experts instanceof List<?> list) || list.size() < 2
                                    || !designations.experts().containsAll(list)
                                    || Set.copyOf(list).size() != list.size())) {
                                problems.add(Problem.of("fields.experts", "designation.experts",
                                        designations.experts()));
                            }
                        })
                        .withEffect((task, form, caller, variables) -> {
                            if (form.fields().get("experts") instanceof List<?> list) {
                                variables.put("experts", new ArrayList<>(list.stream().map(String::valueOf).toList()));
                            }
                        }),
                TaskForm.of("correctApplication", TaskForm.APPROVE)
                        .withFields(FormField.of("theme", Kind.TEXT, false))
                        .withEffect((task, form, caller, variables) -> {
                            String theme = text(form.fields().get("theme"));
                            if (theme != null) {
                                variables.put("theme", theme);
                                store.themeCorrected(task.businessKey(), theme);
                            }
                        }),
                TaskForm.of("expertReview", TaskForm.APPROVE)
                        .withFields(FormField.of("score", Kind.NUMBER, true))
                        .withCheck((task, form, problems) -> {
                            BigDecimal score = number(form.fields().get("score"));
                            if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
                                problems.add(Problem.of("fields.score", "designation.score"));
                            }
                        })
                        .withEffect((task, form, caller, variables) -> {
                            variables.put(scoreVariable(task.assignee()), number(form.fields().get("score")));
                            variables.put(scoreCommentVariable(task.assignee()), text(form.comment()));
                        })
                        .onlyByAssignee(),
                TaskForm.of("provinceDecision", TaskForm.APPROVE_REJECT)
                        .withFields(FormField.of("batch", Kind.TEXT, false))
                        .withCheck((task, form, problems) -> {
                            if (CompletionForm.APPROVE.equals(form.decision()) && text(form.fields().get("batch")) == null) {
                                problems.add(Problem.of("fields.batch", "field.required"));
                            }
                        })
                        .withEffect((task, form, caller, variables) -> variables.put("batch",
                                text(form.fields().get("batch")))),
                TaskForm.of("annualReport", TaskForm.APPROVE)
                        .withFields(FormField.of("year", Kind.NUMBER, true), FormField.of("report", Kind.LONG_TEXT, true))
                        .withCheck((task, form, problems) -> {
                            BigDecimal year = number(form.fields().get("year"));
                            // compared as a BigDecimal: intValue() wraps 4294969296 to 2000 and expands 1e10000000
                            if (year == null || year.scale() > 0 || year.compareTo(BigDecimal.valueOf(2000)) < 0
                                    || year.compareTo(BigDecimal.valueOf(2100)) > 0) {
                                problems.add(Problem.of("fields.year", "designation.year"));
                            }
                            if (text(form.fields().get("report")) == null) {
                                problems.add(Problem.of("fields.report", "field.required"));
                            }
                        })
                        .withEffect((task, form, caller, variables) -> {
                            int year = number(form.fields().get("year")).intValue();
                            store.reported(task.businessKey(), year, text(form.fields().get("report")),
                                    caller.username());
                            variables.put("evaluationYear", year);
                        }),
                TaskForm.of("annualEvaluation", TaskForm.APPROVE)
                        .withFields(new FormField("rating", Kind.CHOICE, true, DesignationSteps.RATINGS),
                                new FormField("recommend", Kind.CHOICE, false, List.of("true", "false")))
                        .withCheck((task, form, problems) -> {
                            String rating = text(form.fields().get("rating"));
                            if (rating == null || !DesignationSteps.RATINGS.contains(rating)) {
                                problems.add(Problem.of("fields.rating", "designation.rating", DesignationSteps.RATINGS));
                            } else if (recommend(form.fields()) && !List.of("优秀", "良好").contains(rating)) {
                                problems.add(Problem.of("fields.recommend", "designation.recommend"));
                            }
                        })
                        .withEffect((task, form, caller, variables) -> {
                            variables.put("rating", text(form.fields().get("rating")));
                            variables.put("recommend", recommend(form.fields()));
                            variables.put("ratedBy", caller.username());
                        }));
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
