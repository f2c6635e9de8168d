package cn.gov.sd.pilotzone.task;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The form a clerk completes a task with (docs/processes.md): {@code decision} = approve | reject | return, a comment,
 * {@code approvedAmount} on reviews that set money, and task-specific {@code fields}.
 */
public record CompletionForm(String decision, String comment, BigDecimal approvedAmount, Map<String, Object> fields) {

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String RETURN = "return";

    public CompletionForm {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
