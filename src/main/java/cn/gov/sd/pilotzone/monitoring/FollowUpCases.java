package cn.gov.sd.pilotzone.monitoring;

import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.ProcessCases;

import org.springframework.stereotype.Component;

/** The follow-up side of the task and case pages: a follow-up is named by its enterprise and month. */
@Component
class FollowUpCases implements ProcessCases {

    private final EnterpriseRegistry enterprises;

    FollowUpCases(EnterpriseRegistry enterprises) {
        this.enterprises = enterprises;
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
}
