package cn.gov.sd.pilotzone.notice;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.common.EngineListener;
import cn.gov.sd.pilotzone.task.CompletionForm;
import cn.gov.sd.pilotzone.task.EngineTables;
import cn.gov.sd.pilotzone.task.ProcessKeys;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.task.service.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes a notice for each bureau that a new user task is offered to, in the transaction that creates the task (so
 * a rolled-back completion leaves no notice). A task that a {@code RETURN} decision brought back is "returned".
 * Flowable dispatches {@code TASK_CREATED} after the candidates are set and the create listeners have run.
 */
@Configuration(proxyBeanMethods = false)
class NoticeListener implements EngineListener {

    private final Notices notices;
    private final ProcessKeys processKeys;
    private final EngineTables engine;

    NoticeListener(Notices notices, ProcessKeys processKeys, EngineTables engine) {
        this.notices = notices;
        this.processKeys = processKeys;
        this.engine = engine;
    }

    @Bean
    static EngineConfigurationConfigurer<SpringProcessEngineConfiguration> noticeListenerRegistration(
            ObjectProvider<NoticeListener> listener) {
        return configuration -> EngineListener.register(configuration, EngineListener.lazy(listener, event -> true),
                List.of(FlowableEngineEventType.TASK_CREATED));
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event instanceof FlowableEntityEvent e) || !(e.getEntity() instanceof DelegateTask task)) {
            return;
        }
        // the decision that led here, where completions keep it (the process, or a multi-instance scope of it)
        Object decision = task.getExecutionId() == null ? null
                : engine.variableInCommand(task.getExecutionId(), "decision");
        Notice.Kind kind = CompletionForm.RETURN.equals(decision) ? Notice.Kind.RETURNED : Notice.Kind.NEW;
        Notices.About about = about(task);
        Set<String> groups = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).collect(Collectors.toCollection(TreeSet::new));
        for (String group : groups) {
            notices.toBureau(group, kind, about, null, null);
        }
        if (groups.isEmpty() && task.getAssignee() != null) {
            notices.toPerson(task.getAssignee(), kind, about, null, null);
        }
    }

    private Notices.About about(DelegateTask task) {
        String instance = task.getProcessInstanceId();
        return new Notices.About(task.getId(), task.getName(), processKeys.of(task.getProcessDefinitionId()), instance,
                instance == null ? null : engine.businessKeyInCommand(instance),
                task.getDueDate() == null ? null : Instant.ofEpochMilli(task.getDueDate().getTime()));
    }
}
