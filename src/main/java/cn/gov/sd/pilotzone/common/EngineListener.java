package cn.gov.sd.pilotzone.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A Flowable event listener of the hub: it acts in the engine's transaction, as the event happens, and if it fails
 * the engine's step fails with it (a status, a notice, an inbox row that cannot be written must not vanish).
 */
public interface EngineListener extends FlowableEventListener {

    @Override
    default boolean isFailOnException() {
        return true;
    }

    @Override
    default boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    default String getOnTransaction() {
        return null;
    }

    /** Adds a listener for these events to an engine configuration that is being built. */
    static void register(SpringProcessEngineConfiguration configuration, FlowableEventListener listener,
                         List<FlowableEngineEventType> types) {
        Map<String, List<FlowableEventListener>> typed = configuration.getTypedEventListeners() == null
                ? new HashMap<>() : new HashMap<>(configuration.getTypedEventListeners());
        for (FlowableEngineEventType type : types) {
            typed.computeIfAbsent(type.name(), k -> new ArrayList<>()).add(listener);
        }
        configuration.setTypedEventListeners(typed);
    }

    /**
     * A listener bean looked up at the first event it wants: the engine is built before the beans a listener
     * needs (JdbcTemplate), and its own start dispatches entity events (its deployments).
     */
    static EngineListener lazy(ObjectProvider<? extends FlowableEventListener> listener, Predicate<FlowableEvent> wants) {
        return event -> {
            if (wants.test(event)) {
                listener.getObject().onEvent(event);
            }
        };
    }
}
