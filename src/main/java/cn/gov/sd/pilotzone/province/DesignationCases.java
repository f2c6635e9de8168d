package cn.gov.sd.pilotzone.province;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.ProcessCases;
import cn.gov.sd.pilotzone.zone.ZonePlan;
import cn.gov.sd.pilotzone.zone.ZonePlans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;

/** The designation side of the task and case pages: a designation is named by the zone it designates. */
@Component
class DesignationCases implements ProcessCases {

    /**
     * What a designation task's page shows beside the form: the zone, what the city applied with (its theme, plan
     * and targets), where the designation stands and, once every expert has scored, each one's score and comment
     * and their mean (the province decides on it; while the review runs, no expert sees another's score), and the
     * yearly reports and ratings since it was listed (the annual evaluation rates the latest).
     */
    public record TaskPanel(String zoneName, String theme, String planDocument, DesignationStore.Status status,
                            BigDecimal meanScore, String batch, List<Target> targets, List<ExpertScore> scores,
                            List<DesignationStore.Evaluation> evaluations) {
    }

    /** One expert's score (login id; pages show the name) and the comment it was given with. */
    public record ExpertScore(String expert, BigDecimal score, String comment) {
    }

    private static final TypeReference<List<Target>> TARGETS = new TypeReference<>() {
    };

    private final ZonePlans zones;
    private final ProvinceConfig config;
    private final DesignationStore store;
    private final TaskService taskService;
    private final ObjectMapper json;

    DesignationCases(ZonePlans zones, ProvinceConfig config, DesignationStore store, TaskService taskService,
                     ObjectMapper json) {
        this.zones = zones;
        this.config = config;
        this.store = store;
        this.taskService = taskService;
        this.json = json;
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
        return store.find(zoneId).<Map<String, Object>>map(d -> {
            Map<String, Object> vars = taskService.getVariables(taskId);
            return Map.of("designation", new TaskPanel(label(zoneId), d.theme(), (String) vars.get("planDocument"),
                    d.status(), d.meanScore(), d.batch(), targets((String) vars.get("targets")),
                    d.meanScore() == null ? List.of() : scores(vars), store.evaluations(zoneId)));
        }).orElse(Map.of());
    }

    private List<Target> targets(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, TARGETS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("targets of a designation are not a list of targets", e);
        }
    }

    /** The assigned experts' scores ({@code score_<expert>}) as DesignationForms keeps them. */
    private static List<ExpertScore> scores(Map<String, Object> vars) {
        @SuppressWarnings("unchecked")
        List<String> experts = (List<String>) vars.getOrDefault("experts", List.of());
        return experts.stream().filter(e -> vars.get(DesignationForms.scoreVariable(e)) != null)
                .map(e -> new ExpertScore(e, new BigDecimal(String.valueOf(vars.get(DesignationForms.scoreVariable(e)))),
                        (String) vars.get(DesignationForms.scoreCommentVariable(e))))
                .toList();
    }
}
