package cn.gov.sd.pilotzone.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.task.CompletionForm;
import cn.gov.sd.pilotzone.task.FormField;
import cn.gov.sd.pilotzone.task.ProcessForms;
import cn.gov.sd.pilotzone.task.TaskForm;

import org.springframework.stereotype.Component;

/**
 * The task forms of {@code enterpriseFollowUp}. {@code contactEnterprise} (county clerk, 一对一包靠): decision
 * approve with {@code fields.problems} (存在问题) and {@code fields.measures} (帮扶措施), optionally
 * {@code fields.contactPerson} and {@code fields.contactedOn} (yyyy-MM-dd, not in the future).
 * {@code supervisorReview}: approve closes the follow-up (办结), return sends it back to the clerk (comment
 * required). {@code superviseOverdue} (督办 after the contact went overdue): approve = urged. No task sets money.
 */
@Component
class FollowUpTaskForms implements ProcessForms {

    static final String CONTACT = "contactEnterprise";
    static final String REVIEW = "supervisorReview";
    static final String SUPERVISE_OVERDUE = "superviseOverdue";
    private static final int MAX_TEXT = 2000;
    private static final int MAX_PERSON = 100;

    private final FollowUps followUps;
    private final Clock clock;

    FollowUpTaskForms(FollowUps followUps, Clock clock) {
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    public String processDefinitionKey() {
        return FollowUps.PROCESS;
    }

    @Override
    public List<TaskForm> forms() {
        return List.of(
                TaskForm.of(CONTACT, TaskForm.APPROVE).withFields(
                        FormField.of("problems", FormField.Kind.LONG_TEXT, true),
                        FormField.of("measures", FormField.Kind.LONG_TEXT, true),
                        FormField.of("contactPerson", FormField.Kind.TEXT, false),
                        FormField.of("contactedOn", FormField.Kind.TEXT, false))
                        .withCheck((task, form, problems) -> {
                            text(form, "problems", true, problems);
                            text(form, "measures", true, problems);
                            text(form, "contactPerson", false, problems);
                            contactedOn(form, problems);
                        })
                        .withEffect((task, form, caller, variables) -> followUps.recordContact(task.businessKey(),
                                text(form, "problems", true, new ArrayList<>()),
                                text(form, "measures", true, new ArrayList<>()),
                                text(form, "contactPerson", false, new ArrayList<>()),
                                contactedOn(form, new ArrayList<>()), caller.username())),
                TaskForm.of(REVIEW, TaskForm.APPROVE_RETURN),
                TaskForm.of(SUPERVISE_OVERDUE, TaskForm.APPROVE));
    }

    private static String text(CompletionForm form, String name, boolean required, List<Problem> problems) {
        Object v = form.fields().get(name);
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                problems.add(Problem.of("fields." + name, "field.required"));
            }
            return null;
        }
        if (!(v instanceof String s)) {
            problems.add(Problem.of("fields." + name, "field.notText"));
            return null;
        }
        int max = name.equals("contactPerson") ? MAX_PERSON : MAX_TEXT;
        if (s.length() > max) {
            problems.add(Problem.of("fields." + name, "field.tooLong", max));
            return null;
        }
        return s.strip();
    }

    private LocalDate contactedOn(CompletionForm form, List<Problem> problems) {
        Object v = form.fields().get("contactedOn");
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(String.valueOf(v));
            if (d.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1))) {
                problems.add(Problem.of("fields.contactedOn", "followUp.contactInFuture", d));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(Problem.of("fields.contactedOn", "date.format", v));
            return null;
        }
    }
}
