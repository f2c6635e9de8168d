package cn.gov.sd.pilotzone.province;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.common.NotFoundException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.province.DesignationStore.Designation;
import cn.gov.sd.pilotzone.province.DesignationStore.Evaluation;
import cn.gov.sd.pilotzone.province.Indicators.IndicatorView;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.Role;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The province's API (docs/province.md, docs/indicators.md): a zone's indicators, its designation and yearly
 * evaluations, a city's application. Scoped by {@link ProvinceAccess}: a zone the caller may not see is "not found".
 */
@RestController
class ProvinceController {

    /** A zone's indicator as SPEC'd: {@code target} the number (null for a target in words, see targetText). */
    record IndicatorItem(String code, String name, String unit, Object target, String comparator, String targetText,
                         Integer targetYear, Object actual, String period, String source, String status,
                         String clause, List<Indicators.Point> series) {
        static IndicatorItem of(IndicatorView v) {
            return new IndicatorItem(v.code(), v.name(), v.unit(), v.target(), v.comparator().name(), v.targetText(),
                    v.targetYear(), v.actual(), v.period(), v.source().name(), v.status().name(), v.clause(),
                    v.series());
        }
    }

    record DesignationItem(String zoneId, String name, String city, String status, String batch,
                           LocalDate listedOn, BigDecimal meanScore, int consecutiveFails,
                           String reasons, String processInstanceId) {
    }

    private final ProvinceConfig config;
    private final ProvinceAccess access;
    private final Indicators indicators;
    private final DesignationStore store;
    private final Designations designations;

    ProvinceController(ProvinceConfig config, ProvinceAccess access, Indicators indicators, DesignationStore store,
                       Designations designations) {
        this.config = config;
        this.access = access;
        this.indicators = indicators;
        this.store = store;
        this.designations = designations;
    }

    @GetMapping("/api/zones/{zoneId}/indicators")
    List<IndicatorItem> indicators(Caller caller, @PathVariable String zoneId) {
        visible(caller, zoneId);
        return indicators.of(zoneId).stream().map(IndicatorItem::of).toList();
    }

    @GetMapping("/api/zones/{zoneId}/designation")
    DesignationItem designation(Caller caller, @PathVariable String zoneId) {
        ProvinceZone zone = zone(caller, zoneId);
        Designation d = store.find(zoneId).orElseThrow(() -> new NotFoundException(
                Problem.of("zoneId", "designation.none", zoneId)));
        return new DesignationItem(zoneId, zone.name(), zone.city(), d.status().name(), d.batch(), d.listedOn(),
                d.meanScore(), d.consecutiveFails(), d.reasons(), d.processInstanceId());
    }

    @GetMapping("/api/zones/{zoneId}/evaluations")
    List<Evaluation> evaluations(Caller caller, @PathVariable String zoneId) {
        zone(caller, zoneId);
        return store.evaluations(zoneId);
    }

    /** A city's application for designation: its own zone's 工信局 or an administrator. */
    @PostMapping("/api/zones/{zoneId}/designation")
    ResponseEntity<Map<String, String>> apply(Caller caller, @PathVariable String zoneId,
                                              @RequestBody Designations.Application form) {
        ProvinceZone zone = zone(caller, zoneId);
        if (caller.role() != Role.ADMIN && !(caller.isClerk() && zone.bureau().equals(caller.bureauCode()))) {
            throw new AccessDeniedException("the zone's city 工信局 applies for its designation");
        }
        String pid = designations.apply(zoneId, form);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("zoneId", zoneId, "processInstanceId", pid));
    }

    private void visible(Caller caller, String zoneId) {
        if (!access.seesZone(caller, zoneId)) {
            throw new NotFoundException(Problem.of("zoneId", "zone.unknown", zoneId));
        }
    }

    private ProvinceZone zone(Caller caller, String zoneId) {
        visible(caller, zoneId);
        return config.zone(zoneId).orElseThrow(() -> new NotFoundException(
                Problem.of("zoneId", "zone.unknown", zoneId)));
    }
}
