package cn.gov.sd.pilotzone.task;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.gov.sd.pilotzone.common.EngineListener;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.task.api.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the task inbox, the task list's read model (table {@value #TABLE}): one row per open, unclaimed task and
 * candidate group, with the task's creation time, so that a bureau's newest 100 tasks are an index range
 * ({@link EngineTables#openTasks}). Every engine command that creates, claims, hands back, changes the groups of
 * or deletes a task marks it ({@link EngineTables#markForInbox}); once the command has flushed, still in its
 * transaction, the marked tasks' rows are written again from the engine's tables ({@link EngineTables#refreshInbox}). The rows are thus derived from what
 * the engine stored, not from the events' details, and roll back with the command. Access to a task never reads
 * the inbox ({@link EngineTables#openTask} asks the engine's tables): at worst a list would be wrong, never a check.
 * At start the inbox is compared with the engine's tables and repaired (a database from before the inbox, or tasks
 * changed behind the engine's back while the hub was down), and again while it runs ({@link #recheck}).
 */
@Configuration(proxyBeanMethods = false)
class TaskInbox implements EngineListener {

    static final String TABLE = "task_inbox";

    private static final Logger log = LoggerFactory.getLogger(TaskInbox.class);

    /** The events that can change a task's rows: its creation, assignee, groups and deletion. */
    private static final List<FlowableEngineEventType> EVENTS = List.of(FlowableEngineEventType.TASK_CREATED,
            FlowableEngineEventType.TASK_ASSIGNED, FlowableEngineEventType.TASK_COMPLETED,
            FlowableEngineEventType.ENTITY_CREATED, FlowableEngineEventType.ENTITY_UPDATED,
            FlowableEngineEventType.ENTITY_DELETED);

    /** Tasks out of step written again in one transaction at most. */
    static final int MAX_REPAIR = 1000;

    private final EngineTables engine;
    private final TransactionTemplate transactions;

    TaskInbox(EngineTables engine, TransactionTemplate transactions) {
        this.engine = engine;
        this.transactions = transactions;
    }

    @Bean
    static EngineConfigurationConfigurer<SpringProcessEngineConfiguration> taskInboxRegistration(
            ObjectProvider<TaskInbox> inbox) {
        return configuration -> EngineListener.register(configuration,
                EngineListener.lazy(inbox, event -> taskOf(event) != null), EVENTS);
    }

    @Override
    public void onEvent(FlowableEvent event) {
        String taskId = taskOf(event);
        if (taskId == null) {
            return;
        }
        engine.markForInbox(taskId, event.getType() == FlowableEngineEventType.TASK_CREATED);
    }

    /** The task an event is about, if it is a task's or a task's identity link's; else null. */
    private static String taskOf(FlowableEvent event) {
        if (!(event instanceof FlowableEntityEvent e)) {
            return null;
        }
        if (e.getEntity() instanceof Task task) {
            return task.getId();
        }
        return e.getEntity() instanceof IdentityLink link ? link.getTaskId() : null;
    }

    /**
     * Compares the inbox with the engine's tables once the hub is up and writes every task out of step again: a
     * database from before the inbox, or tasks changed behind the engine's back while the hub was down.
     */
    @EventListener(ApplicationReadyEvent.class)
    void repair() {
        Set<String> written = repair(MAX_REPAIR);
        if (!written.isEmpty()) {
            log.info("task inbox written again from the engine's tables for {} task(s)", written.size());
        }
    }

    /**
     * The same again every {@code hub.tasks.inbox-check} while the hub runs: a task changed behind the engine's back
     * (an administrator's SQL, a tool on the engine's tables) would otherwise be missing from its bureau's list, or
     * listed after it ended, until the next start. Logged as a warning: something bypassed the engine.
     */
    @Scheduled(initialDelayString = "${hub.tasks.inbox-check}", fixedDelayString = "${hub.tasks.inbox-check}")
    void recheck() {
        Set<String> written = repair(MAX_REPAIR);
        if (!written.isEmpty()) {
            log.warn("task inbox out of step with the engine's tables for {} task(s), written again from them: {}",
                    written.size(), written.stream().limit(10).toList());
        }
    }

    /**
     * Writes the tasks out of step again, {@code perRound} at a time, each as the engine's commands write it (its
     * rows deleted and derived again from the engine's tables, in a transaction of its round): never a bulk "delete
     * every row without its task", which on MariaDB could remove the rows of a task another node creates at that
     * moment. The drift query reads one snapshot, so a task in another node's uncommitted command is not in it; a
     * task still out of step after it was written (changing right then) waits for the next check. The tasks written.
     */
    Set<String> repair(int perRound) {
        Set<String> written = new LinkedHashSet<>();
        while (true) {
            List<String> found = engine.inboxDrift(perRound).stream().filter(t -> !written.contains(t)).toList();
            if (found.isEmpty()) {
                return written;
            }
            transactions.executeWithoutResult(s -> engine.refreshInbox(found, List.of()));
            written.addAll(found);
        }
    }
}
