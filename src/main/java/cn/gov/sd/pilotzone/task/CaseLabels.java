package cn.gov.sd.pilotzone.task;

import cn.gov.sd.pilotzone.award.AwardApplications;
import cn.gov.sd.pilotzone.monitoring.FollowUps;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.zone.ZonePlan;
import cn.gov.sd.pilotzone.zone.ZonePlans;

import org.springframework.stereotype.Component;

/**
 * What a case is called where a person reads it (lists, notices): the enterprise for an award application or a
 * follow-up, the zone's name for a zone's processes, never just the business key.
 */
@Component("caseLabels")
public class CaseLabels {

    private final Cases cases;
    private final ZonePlans zones;
    private final EnterpriseRegistry enterprises;

    CaseLabels(Cases cases, ZonePlans zones, EnterpriseRegistry enterprises) {
        this.cases = cases;
        this.zones = zones;
        this.enterprises = enterprises;
    }

    public String label(String processKey, String businessKey) {
        if (businessKey == null) {
            return "";
        }
        if (AwardApplications.PROCESS.equals(processKey)) {
            return cases.applicationUnscoped(businessKey)
                    .map(a -> a.enterpriseName() + " · " + businessKey).orElse(businessKey);
        }
        if (FollowUps.PROCESS.equals(processKey) && businessKey.contains(":")) {
            String uscc = businessKey.substring(0, businessKey.indexOf(':'));
            String period = businessKey.substring(businessKey.indexOf(':') + 1);
            return enterprises.find(uscc).map(Enterprise::name).orElse(uscc) + " · " + period;
        }
        return zones.find(businessKey).map(ZonePlan::name).orElse(businessKey);
    }

    /** Where a person opens the case: the application page for awards, the case page otherwise. */
    public String href(String processKey, String businessKey, String processInstanceId) {
        if (AwardApplications.PROCESS.equals(processKey) && businessKey != null) {
            return "/applications/" + businessKey;
        }
        return "/cases/" + processInstanceId;
    }
}
