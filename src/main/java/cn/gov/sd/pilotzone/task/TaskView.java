package cn.gov.sd.pilotzone.task;

import java.time.Instant;
import java.util.List;

/** A user task as {@code GET /api/tasks} lists it (docs/api.md). */
public record TaskView(String id, String name, String taskDefinitionKey, String processDefinitionKey,
                       String processInstanceId, String businessKey, List<String> candidateGroups, String assignee,
                       Instant created, Instant due) {
}
