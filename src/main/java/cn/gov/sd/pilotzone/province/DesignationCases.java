package cn.gov.sd.pilotzone.province;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.ProcessCases;
import cn.gov.sd.pilotzone.zone.ZonePlan;
import cn.gov.sd.pilotzone.zone.ZonePlans;

import org.springframework.stereotype.Component;

/** The designation side of the task and case pages: a designation is named by the zone it designates. */
@Component
class DesignationCases implements ProcessCases {

    private final ZonePlans zones;

    DesignationCases(ZonePlans zones) {
        this.zones = zones;
    }

    @Override
    public String processDefinitionKey() {
        return Designations.PROCESS;
    }

    @Override
    public String label(String zoneId) {
        return zones.find(zoneId).map(ZonePlan::name).orElse(zoneId);
    }

    /** Only those who worked on it (and those who see everything). */
    @Override
    public boolean seesWholeCase(Caller caller, CaseRef ref) {
        return false;
    }
}
