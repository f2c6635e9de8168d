package cn.gov.sd.pilotzone.province;

import java.math.BigDecimal;
import java.util.Map;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.ProcessCases;
import cn.gov.sd.pilotzone.zone.ZonePlan;
import cn.gov.sd.pilotzone.zone.ZonePlans;

import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;

/** The designation side of the task and case pages: a designation is named by the zone it designates. */
@Component
class DesignationCases implements ProcessCases {

    /**
     * What a designation task's page shows beside the form: the zone, what the city applied with, where the
     * designation stands and, once the experts have scored, their mean (the province decides on it).
     */
    public record TaskPanel(String zoneName, String theme, String planDocument, DesignationStore.Status status,
                     BigDecimal meanScore, String batch) {
    }

    private final ZonePlans zones;
    private final ProvinceConfig config;
    private final DesignationStore store;
    private final TaskService taskService;

    DesignationCases(ZonePlans zones, ProvinceConfig config, DesignationStore store, TaskService taskService) {
        this.zones = zones;
        this.config = config;
        this.store = store;
        this.taskService = taskService;
    }

    @Override
    public String processDefinitionKey() {
        return Designations.PROCESS;
    }

    @Override
    public String label(String zoneId) {
        return zones.find(zoneId).map(ZonePlan::name)
                .or(() -> config.zone(zoneId).map(ProvinceZone::name)).orElse(zoneId);
    }

    /** Only those who worked on it (and those who see everything). */
    @Override
    public boolean seesWholeCase(Caller caller, CaseRef ref) {
        return false;
    }

    /** {@code designation}: the {@link TaskPanel} of the task's zone. */
    @Override
    public Map<String, Object> taskPage(Caller caller, String zoneId, String taskId) {
        return store.find(zoneId).<Map<String, Object>>map(d -> Map.of("designation", new TaskPanel(label(zoneId),
                        d.theme(), (String) taskService.getVariable(taskId, "planDocument"), d.status(),
                        d.meanScore(), d.batch())))
                .orElse(Map.of());
    }
}
