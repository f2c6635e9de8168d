package cn.gov.sd.pilotzone.zone;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.gov.sd.pilotzone.common.NotFoundException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/zones} (docs/api.md): zones, a zone's phase and tasks, per-bureau counts, the supervisor bulletin (JSON
 * and Excel), progress reports, and starting a zone's lifecycle. Scoped by {@link ZoneAccess}: a zone or task the
 * caller may not see is "not found"; an action on a visible one that the caller may not take is "forbidden".
 */
@RestController
@RequestMapping("/api/zones")
class ZoneController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ZonePlans plans;
    private final ZoneAccess access;
    private final ZoneViews views;
    private final BulletinWorkbook workbook;
    private final ZoneWork work;
    private final ZoneLifecycles lifecycles;
    private final ZoneStore store;
    private final ZoneDocuments documents;
    private final ZoneCaseAccess caseAccess;
    private final ProvinceZones province;

    ZoneController(ZonePlans plans, ZoneAccess access, ZoneViews views, BulletinWorkbook workbook,
                   ZoneWork work, ZoneLifecycles lifecycles, ZoneStore store, ZoneDocuments documents,
                   ZoneCaseAccess caseAccess, ProvinceZones province) {
        this.caseAccess = caseAccess;
        this.province = province;
        this.plans = plans;
        this.access = access;
        this.views = views;
        this.workbook = workbook;
        this.work = work;
        this.lifecycles = lifecycles;
        this.store = store;
        this.documents = documents;
    }

    @GetMapping
    List<ZoneViews.ZoneSummary> list(Caller caller) {
        return views.summaries(caller);
    }

    /** Every zone of the province: with its plan's phase and tasks, or (no plan loaded) without. */
    @GetMapping("/{zoneId}")
    ZoneViews.ZoneDetail get(Caller caller, @PathVariable String zoneId) {
        if (plans.find(zoneId).isEmpty()) {
            return province.find(zoneId).filter(z -> access.seesZone(caller, z)).map(views::unplanned)
                    .orElseThrow(() -> new NotFoundException(Problem.of("zoneId", "zone.unknown", zoneId)));
        }
        ZonePlan plan = visible(caller, zoneId);
        return views.detail(plan, t -> access.seesTask(caller, plan, t), access.seesAllTasks(caller, plan));
    }

    @GetMapping("/{zoneId}/tasks/{taskCode}")
    ZoneViews.TaskDetail task(Caller caller, @PathVariable String zoneId, @PathVariable String taskCode) {
        ZonePlan plan = visible(caller, zoneId);
        return views.taskDetail(plan, visibleTask(caller, plan, taskCode));
    }

    @GetMapping("/{zoneId}/bureaus")
    List<ZoneViews.BureauCounts> bureaus(Caller caller, @PathVariable String zoneId) {
        ZonePlan plan = visible(caller, zoneId);
        boolean all = access.seesAllTasks(caller, plan);
        return views.bureauCounts(plan, code -> all || code.equals(caller.bureauCode()));
    }

    @GetMapping("/{zoneId}/bulletin")
    ZoneViews.Bulletin bulletin(Caller caller, @PathVariable String zoneId) {
        ZonePlan plan = visible(caller, zoneId);
        return views.bulletin(plan, t -> access.seesTask(caller, plan, t));
    }

    @GetMapping("/{zoneId}/bulletin.xlsx")
    ResponseEntity<byte[]> bulletinWorkbook(Caller caller, @PathVariable String zoneId) {
        ZonePlan plan = visible(caller, zoneId);
        byte[] xlsx = workbook.write(views.bulletin(plan, t -> access.seesTask(caller, plan, t)));
        String name = plan.name() + "定期通报-" + LocalDate.now(ZoneSettings.PLAN_TIME) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }

    @GetMapping("/{zoneId}/documents/{documentId}")
    ResponseEntity<byte[]> document(Caller caller, @PathVariable String zoneId, @PathVariable String documentId) {
        ZonePlan plan = visible(caller, zoneId);
        String pid = store.current(zoneId).map(Lifecycle::processInstanceId).orElse(null);
        var attachment = documents.find(pid, documentId)
                .filter(a -> caseAccess.seesDocument(caller, plan, a.getTaskId()))
                .orElseThrow(() -> new NotFoundException(Problem.of("documentId", "zone.documentNotFound", documentId)));
        if (attachment.getUrl() != null) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(attachment.getUrl())).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ZoneDocuments.contentType(attachment.getType())))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.getName(), StandardCharsets.UTF_8).build().toString())
                .body(documents.content(attachment.getId()));
    }

    @PostMapping("/{zoneId}/tasks/{taskCode}/reports")
    ResponseEntity<ProgressReport> report(Caller caller, @PathVariable String zoneId, @PathVariable String taskCode,
                                          @RequestBody ZoneWork.Report form) {
        ProgressReport r = work.report(caller, zoneId, taskCode, form, ProgressReport.Source.API);
        return ResponseEntity.created(URI.create("/api/zones/" + zoneId + "/tasks/" + taskCode)).body(r);
    }

    /** Starts the zone's lifecycle (ZoneWork.start: who may, and who may set its periods). */
    @PostMapping("/{zoneId}/lifecycle")
    @ResponseStatus(HttpStatus.CREATED)
    ZoneLifecycles.Started start(Caller caller, @PathVariable String zoneId,
                                 @RequestBody(required = false) Timeline.Overrides overrides) {
        return work.start(caller, zoneId, overrides);
    }

    @DeleteMapping("/{zoneId}/lifecycle")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(Caller caller, @PathVariable String zoneId, @RequestParam(required = false) String reason) {
        visible(caller, zoneId);
        if (!access.mayCancel(caller)) {
            throw new AccessDeniedException("cancelling a lifecycle is for administrators");
        }
        lifecycles.cancel(zoneId, caller.username(), reason);
    }

    private ZonePlan visible(Caller caller, String zoneId) {
        return work.visible(caller, zoneId);
    }

    private PlanTask visibleTask(Caller caller, ZonePlan plan, String taskCode) {
        return work.visibleTask(caller, plan, taskCode);
    }
}
