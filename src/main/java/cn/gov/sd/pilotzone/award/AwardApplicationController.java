package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplication.Event;
import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.common.NotFoundException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.MuClasses;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.Role;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/award-applications} (docs/api.md). Filing is for system accounts (the portal) and administrators. */
@RestController
@RequestMapping("/api/award-applications")
class AwardApplicationController {

    record Submitted(String applicationId, String processInstanceId, Status status) {
    }

    record Objection(String reason) {
    }

    /**
     * One application. {@code enterpriseClass} is the enterprise's 亩产效益 class (A–D) from the registry, when
     * known, and {@code priority} flags the classes seed 000 三.(五)1 gives priority (A: “优先保障A类企业”).
     */
    record View(String applicationId, String uscc, String enterpriseName, String countyCode, String policyCode,
                String policyName, Channel channel, Status status, BigDecimal proposedAmount, BigDecimal approvedAmount,
                BigDecimal amountWan, List<String> reasons, List<Event> history, List<Payments.Instruction> payments,
                String enterpriseClass, boolean priority) {
    }

    private final AwardApplications applications;
    private final AwardApplicationParser parser;
    private final ApplicationStore store;
    private final AwardAccess access;
    private final AwardCatalog catalog;
    private final Payments payments;

    private final EnterpriseRegistry registry;
    private final MuClasses muClasses;

    AwardApplicationController(AwardApplications applications, AwardApplicationParser parser, ApplicationStore store,
                               AwardAccess access, AwardCatalog catalog, Payments payments, EnterpriseRegistry registry,
                               MuClasses muClasses) {
        this.registry = registry;
        this.muClasses = muClasses;
        this.applications = applications;
        this.parser = parser;
        this.store = store;
        this.access = access;
        this.catalog = catalog;
        this.payments = payments;
    }

    @PostMapping
    ResponseEntity<Submitted> submit(Caller caller, @RequestBody JsonNode body) {
        if (caller.role() != Role.SYSTEM && caller.role() != Role.ADMIN) {
            throw new AccessDeniedException("filing is for the portal's system account");
        }
        var s = applications.submit(parser.read(body), Channel.APPLY, caller.username());
        return ResponseEntity.created(URI.create("/api/award-applications/" + s.applicationId()))
                .body(new Submitted(s.applicationId(), s.processInstanceId(), s.status()));
    }

    @GetMapping("/{applicationId}")
    View get(Caller caller, @PathVariable String applicationId) {
        AwardApplication app = visible(caller, applicationId);
        return view(app, true, registry.find(app.uscc()).map(Enterprise::muClass).orElse(null));
    }

    @GetMapping
    List<View> list(Caller caller, @RequestParam(required = false) String uscc,
                    @RequestParam(required = false) String policyCode, @RequestParam(required = false) Status status,
                    @RequestParam(required = false) Channel channel, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size) {
        AwardAccess.Scope scope = access.scope(caller);
        if (scope.none()) {
            return List.of();
        }
        var filter = new ApplicationStore.Filter(uscc, policyCode, status, channel, scope.countyCode());
        List<AwardApplication> apps = store.page(filter, Math.max(page, 0), Math.min(Math.max(size, 1), 200));
        Map<String, Enterprise> enterprises = registry.findAll(apps.stream().map(AwardApplication::uscc).toList());
        return apps.stream().map(a -> view(a, false,
                Optional.ofNullable(enterprises.get(a.uscc())).map(Enterprise::muClass).orElse(null))).toList();
    }

    @PostMapping("/{applicationId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> object(Caller caller, @PathVariable String applicationId, @RequestBody Objection objection) {
        visible(caller, applicationId);
        applications.object(applicationId, objection == null ? null : objection.reason(), caller.username());
        return Map.of("applicationId", applicationId, "status", store.get(applicationId).status());
    }

    private AwardApplication visible(Caller caller, String applicationId) {
        return store.find(applicationId).filter(a -> access.canSee(caller, a))
                .orElseThrow(() -> new NotFoundException(
                        Problem.of("applicationId", "application.notFound", applicationId)));
    }

    private View view(AwardApplication a, boolean detail, String enterpriseClass) {
        BigDecimal amount = a.amount();
        return new View(a.applicationId(), a.uscc(), a.enterpriseName(), a.countyCode(), a.policyCode(),
                catalog.find(a.policyCode()).map(AwardPolicy::name).orElse(null), a.channel(), a.status(),
                a.proposedAmount(), a.approvedAmount(),
                amount == null ? null : amount.divide(BigDecimal.valueOf(10000), 4, RoundingMode.HALF_UP),
                a.reasons(), detail ? store.events(a.applicationId()) : null,
                detail ? payments.ofApplication(a.applicationId()) : null, enterpriseClass,
                muClasses.priority(enterpriseClass));
    }
}
