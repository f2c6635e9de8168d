package cn.gov.sd.pilotzone.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

/**
 * Every user task's form by process and task key, as the features contribute them ({@link ProcessForms}). When
 * the context has started (the engine deploys {@code bpmn/} as it starts), it checks both ways that each user task of each
 * deployed process has a form and each form a user task, and refuses to start naming the odd ids: a task renamed
 * in a BPMN file would otherwise fall through to no form at all.
 */
@Component
public class TaskForms implements ApplicationListener<ContextRefreshedEvent> {

    /** The hub's forms and the deployed processes disagree. */
    public static class FormsMismatchException extends IllegalStateException {
        FormsMismatchException(List<String> mismatches) {
            super("task forms and deployed processes differ: " + String.join("; ", mismatches));
        }
    }

    private final Map<String, Map<String, TaskForm>> byProcess = new TreeMap<>();
    private final RepositoryService repository;

    public TaskForms(List<ProcessForms> processes, RepositoryService repository) {
        this.repository = repository;
        for (ProcessForms p : processes) {
            Map<String, TaskForm> forms = byProcess.computeIfAbsent(p.processDefinitionKey(), k -> new TreeMap<>());
            for (TaskForm f : p.forms()) {
                if (forms.putIfAbsent(f.taskKey(), f) != null) {
                    throw new IllegalStateException("two forms for task " + p.processDefinitionKey() + "/" + f.taskKey());
                }
            }
        }
    }

    public Optional<TaskForm> find(String processKey, String taskKey) {
        return Optional.ofNullable(byProcess.getOrDefault(processKey, Map.of()).get(taskKey));
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        // the engine's REST servlet refreshes a child context of its own first, before the engine has deployed
        if (event.getApplicationContext().getParent() == null) {
            check();
        }
    }

    void check() {
        Map<String, Set<String>> deployed = new TreeMap<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().list()) {
            deployed.put(d.getKey(), userTasks(repository.getBpmnModel(d.getId())).getOrDefault(d.getKey(), Set.of()));
        }
        List<String> mismatches = mismatches(deployed);
        if (!mismatches.isEmpty()) {
            throw new FormsMismatchException(mismatches);
        }
    }

    /** The user tasks of a model's processes (including those inside sub-processes), by process key. */
    static Map<String, Set<String>> userTasks(BpmnModel model) {
        Map<String, Set<String>> tasks = new TreeMap<>();
        for (Process process : model.getProcesses()) {
            Set<String> ids = tasks.computeIfAbsent(process.getId(), k -> new TreeSet<>());
            process.findFlowElementsOfType(UserTask.class, true).forEach(t -> ids.add(t.getId()));
        }
        return tasks;
    }

    /** What differs between the deployed processes' user tasks and the forms, one sentence per odd id. */
    List<String> mismatches(Map<String, Set<String>> deployed) {
        List<String> out = new ArrayList<>();
        deployed.forEach((process, tasks) -> {
            Collection<String> forms = byProcess.getOrDefault(process, Map.of()).keySet();
            tasks.stream().filter(t -> !forms.contains(t))
                    .forEach(t -> out.add("user task " + process + "/" + t + " has no form"));
            forms.stream().filter(f -> !tasks.contains(f))
                    .forEach(f -> out.add("form " + process + "/" + f + " has no user task in the deployed process"));
        });
        byProcess.keySet().stream().filter(p -> !deployed.containsKey(p))
                .forEach(p -> out.add("forms for process " + p + ", which is not deployed"));
        return out;
    }
}
