package cn.gov.sd.pilotzone.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The diagram of one case: its process drawn with where it waits now, where it has been and the flows it took
 * (from history), and its open tasks' due state (overdue, or due within {@code hub.supervision.warning-window});
 * names in the page's language ({@code bpmn.<processKey>.<elementId>} in the bundles, the BPMN's Chinese names
 * otherwise).
 */
@Component
public class CaseDiagrams {

    private final HistoryService history;
    private final RepositoryService repository;
    private final TaskService taskService;
    private final ProcessDiagrams diagrams;
    private final MessageSource messages;
    private final UiFormat fmt;
    private final Clock clock;
    private final Duration warningWindow;

    CaseDiagrams(HistoryService history, RepositoryService repository, TaskService taskService,
                 ProcessDiagrams diagrams, MessageSource messages, UiFormat fmt, Clock clock,
                 @Value("${hub.supervision.warning-window:P3D}") Duration warningWindow) {
        this.history = history;
        this.repository = repository;
        this.taskService = taskService;
        this.diagrams = diagrams;
        this.messages = messages;
        this.fmt = fmt;
        this.clock = clock;
        this.warningWindow = warningWindow;
    }

    /** The PNG of the case's diagram; empty when there is no such process instance. */
    public Optional<byte[]> png(String processInstanceId) {
        HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (pi == null) {
            return Optional.empty();
        }
        BpmnModel model;
        try (InputStream xml = repository.getProcessModel(pi.getProcessDefinitionId())) {
            model = ProcessDiagrams.parse(xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> active = new HashSet<>();
        Set<String> done = new HashSet<>();
        Set<String> flows = new HashSet<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId()).list()) {
            if ("sequenceFlow".equals(a.getActivityType())) {
                flows.add(a.getActivityId());
            } else if (a.getEndTime() == null) {
                active.add(a.getActivityId());
            } else {
                done.add(a.getActivityId());
            }
        }
        Map<String, ProcessDiagrams.Due> due = new HashMap<>();
        for (Task t : taskService.createTaskQuery().processInstanceId(pi.getId()).list()) {
            Instant at = t.getDueDate() == null ? null : t.getDueDate().toInstant();
            if (fmt.overdue(at)) {
                due.put(t.getTaskDefinitionKey(), new ProcessDiagrams.Due(true, fmt.late(at)));
            } else if (at != null && at.isBefore(clock.instant().plus(warningWindow))) {
                due.putIfAbsent(t.getTaskDefinitionKey(), new ProcessDiagrams.Due(false, fmt.dueIn(at)));
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        String prefix = "bpmn." + pi.getProcessDefinitionKey() + ".";
        return Optional.of(diagrams.png(model, new ProcessDiagrams.Marks(active, done, flows, due),
                e -> messages.getMessage(prefix + e.getId(), null, null, locale)));
    }
}
