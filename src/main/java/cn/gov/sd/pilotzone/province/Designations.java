package cn.gov.sd.pilotzone.province;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.award.AwardCatalog;
import cn.gov.sd.pilotzone.common.ConflictException;
import cn.gov.sd.pilotzone.common.FreeText;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.province.DesignationStore.Status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.flowable.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts {@code zoneDesignation} (docs/province.md): a city's application, and at start-up the zones of
 * config/province/zones.yml that carry a batch and have no designation yet (the six of seed 003, 首批). The
 * zone's row in zone_designation is claimed first, so two clerks or two hub nodes start one instance only.
 */
@Component
public class Designations {

    public static final String PROCESS = "zoneDesignation";
    private static final Logger log = LoggerFactory.getLogger(Designations.class);

    /** A city's application: its theme, its plan document (name and link) and its targets. */
    public record Application(String theme, String planDocument, List<Target> targets) {
    }

    /** The zone's designation is under way, or the zone is listed already. */
    public static class AlreadyDesignatedException extends ConflictException {
        AlreadyDesignatedException(String zoneId) {
            super(Problem.of("zoneId", "designation.underWay", zoneId));
        }
    }

    private final ProvinceConfig config;
    private final DesignationStore store;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;
    private final AwardCatalog awards;
    private final ObjectMapper json;
    private final int passScore;
    private final Duration evaluationInterval;
    private final List<String> experts;

    public Designations(ProvinceConfig config, DesignationStore store, RuntimeService runtime, TransactionTemplate tx,
                        AwardCatalog awards, ObjectMapper json,
                        @Value("${hub.province.pass-score:60}") int passScore,
                        @Value("${hub.province.evaluation-interval:P365D}") Duration evaluationInterval,
                        @Value("${hub.province.experts:expert-1,expert-2,expert-3}") List<String> experts) {
        this.config = config;
        this.store = store;
        this.runtime = runtime;
        this.tx = tx;
        this.awards = awards;
        this.json = json;
        this.passScore = passScore;
        this.evaluationInterval = evaluationInterval;
        this.experts = List.copyOf(experts);
    }

    public List<String> experts() {
        return experts;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seedListedZones() {
        for (ProvinceZone zone : config.zones()) {
            if (zone.batch() != null && store.find(zone.id()).isEmpty()) {
                tx.executeWithoutResult(s -> {
                    if (store.claim(zone.id(), Status.LISTED, zone.batch(), zone.theme())) {
                        start(zone, true, zone.theme(), null, List.of(), zone.batch());
                        log.info("Zone {} listed in batch {} at start-up", zone.id(), zone.batch());
                    }
                });
            }
        }
    }

    /** A city's application; 400 for a bad form, 409 when the zone is under way or listed. */
    public String apply(String zoneId, Application form) {
        ProvinceZone zone = config.zone(zoneId).orElseThrow();
        List<Problem> problems = new ArrayList<>();
        if (form.theme() == null || form.theme().isBlank() || form.theme().length() > 1000) {
            problems.add(Problem.of("theme", "field.required"));
        }
        if (form.planDocument() == null || form.planDocument().isBlank() || form.planDocument().length() > 500) {
            problems.add(Problem.of("planDocument", "field.required"));
        }
        FreeText.check("theme", form.theme(), problems);
        FreeText.check("planDocument", form.planDocument(), problems);
        List<Target> targets = form.targets() == null ? List.of() : form.targets();
        if (targets.isEmpty()) {
            problems.add(Problem.of("targets", "field.required"));
        }
        for (int i = 0; i < targets.size(); i++) {
            for (String p : ProvinceConfig.problems(targets.get(i), awards)) {
                problems.add(Problem.of("targets[" + i + "]", "designation.target", p));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return tx.execute(s -> {
            if (!store.claim(zoneId, Status.FORMAL_CHECK, null, form.theme())) {
                throw new AlreadyDesignatedException(zoneId);
            }
            return start(zone, false, form.theme(), form.planDocument(), targets, null);
        });
    }

    private String start(ProvinceZone zone, boolean seeded, String theme, String planDocument, List<Target> targets,
                         String batch) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("zoneId", zone.id());
        vars.put("seeded", seeded);
        vars.put("cityBureau", zone.bureau());
        vars.put("provinceBureau", config.provinceBureau());
        vars.put("passScore", passScore);
        vars.put("evaluationInterval", evaluationInterval.toString());
        vars.put("experts", new ArrayList<>(experts));
        vars.put("theme", theme);
        vars.put("planDocument", planDocument);
        vars.put("batch", batch);
        try {
            vars.put("targets", json.writeValueAsString(targets));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String pid = runtime.startProcessInstanceByKey(PROCESS, zone.id(), vars).getProcessInstanceId();
        store.processStarted(zone.id(), pid);
        return pid;
    }
}
