package cn.gov.sd.pilotzone.engine;

import java.util.List;

import cn.gov.sd.pilotzone.common.EngineListener;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.engine.repository.Deployment;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * The engine refuses every deployment but the hub's own of bpmn/ ({@link BpmnDeployment}), whatever API it comes
 * through: Flowable's REST API, a future modeler or app endpoint, or code. A deployment of a BPMN file is code
 * execution (its expressions and scripts run as the hub's user), so this is not left to the HTTP rules alone.
 * The listener fails the deployment's own transaction, so nothing of it is stored.
 */
@Component
class DeploymentGuard implements EngineListener {

    /** Refused deployments carry this text, so callers and tests can tell the reason. */
    static final String REFUSAL = "deployments are refused: the hub's processes come only from its bpmn/ folder";

    /** Set while {@link BpmnDeployment} deploys on this thread; per instance, never static. */
    private final ThreadLocal<Boolean> deploying = ThreadLocal.withInitial(() -> false);

    void register(SpringProcessEngineConfiguration engine) {
        EngineListener.register(engine, this, List.of(FlowableEngineEventType.ENTITY_CREATED));
    }

    void permit(Runnable deployment) {
        deploying.set(true);
        try {
            deployment.run();
        } finally {
            deploying.remove();
        }
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (event instanceof FlowableEntityEvent entity && entity.getEntity() instanceof Deployment d
                && !deploying.get()) {
            throw new FlowableException(REFUSAL + " (deployment " + d.getName() + ")");
        }
    }
}
