package cn.gov.sd.pilotzone.monitoring;

import java.util.Map;

import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.ProcessCases;

import org.springframework.stereotype.Component;

/** The follow-up side of the task and case pages: a follow-up is named by its enterprise and month. */
@Component
class FollowUpCases implements ProcessCases {

    private final EnterpriseRegistry enterprises;
    private final FollowUpContexts contexts;

    FollowUpCases(EnterpriseRegistry enterprises, FollowUpContexts contexts) {
        this.enterprises = enterprises;
        this.contexts = contexts;
    }

    @Override
    public String processDefinitionKey() {
        return FollowUps.PROCESS;
    }

    @Override
    public String label(String businessKey) {
        if (!businessKey.contains(":")) {
            return businessKey;
        }
        FollowUps.Key key = FollowUps.Key.of(businessKey);
        return enterprises.find(key.uscc()).map(Enterprise::name).orElse(key.uscc()) + " · " + key.period();
    }

    /** Only those who worked on it (and those who see everything): a follow-up has no wider audience. */
    @Override
    public boolean seesWholeCase(Caller caller, CaseRef ref) {
        return false;
    }

    /** The enterprise, its 24 months and its earlier follow-ups (templates/task.html, {@code followUp}). */
    @Override
    public Map<String, Object> taskPage(Caller caller, String businessKey, String taskId) {
        return contexts.of(businessKey).<Map<String, Object>>map(c -> Map.of("followUp", c)).orElse(Map.of());
    }
}
