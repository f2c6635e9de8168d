package cn.gov.sd.pilotzone.task;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.flowable.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * The process key of a process definition id, asked of the engine once per definition: an id is
 * {@code key:version:deploymentId} only while that fits 64 characters, so the key cannot be cut out of it.
 */
@Component
public class ProcessKeys {

    private final RepositoryService repository;
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    public ProcessKeys(RepositoryService repository) {
        this.repository = repository;
    }

    public String of(String processDefinitionId) {
        return processDefinitionId == null ? null
                : keys.computeIfAbsent(processDefinitionId, id -> repository.getProcessDefinition(id).getKey());
    }
}
