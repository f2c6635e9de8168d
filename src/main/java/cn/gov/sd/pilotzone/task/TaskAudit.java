package cn.gov.sd.pilotzone.task;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every task decision into the audit trail, and each amount a review sets as an amount change of its own. Runs in
 * the completing transaction: a decision the engine refuses leaves no entry.
 */
@Component
class TaskAudit {

    private final AuditTrail audit;

    TaskAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void decided(TaskDecided d) {
        TaskView task = d.task();
        String target = task.processDefinitionKey() + "/" + (task.businessKey() == null ? task.processInstanceId()
                : task.businessKey()) + "/" + task.taskDefinitionKey() + " (task " + task.id() + ")";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("task", task.name());
        details.put("decision", d.decision());
        if (d.comment() != null && !d.comment().isBlank()) {
            details.put("comment", d.comment());
        }
        if (d.approvedAmount() != null) {
            details.put("approvedAmount", d.approvedAmount().toPlainString());
        }
        if (!d.fields().isEmpty()) {
            details.put("fields", d.fields().keySet());
        }
        audit.record(d.actor(), AuditType.TASK_DECISION, target, details.toString());
        if (d.approvedAmount() != null) {
            audit.record(d.actor(), AuditType.AMOUNT_CHANGE, target,
                    "approvedAmount " + d.approvedAmount().toPlainString() + " by " + d.decision());
        }
    }
}
