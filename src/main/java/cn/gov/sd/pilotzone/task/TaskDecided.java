package cn.gov.sd.pilotzone.task;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Published by the hub's one task completion ({@link Tasks#complete}) inside its transaction, after the engine has
 * taken the decision: whoever needs to know of every decision (the audit trail, {@link TaskAudit}) listens to this
 * rather than to a particular form or process, so it stays right however completion is organised.
 */
public record TaskDecided(String actor, TaskView task, String decision, String comment, BigDecimal approvedAmount,
                          Map<String, Object> fields) {
}
