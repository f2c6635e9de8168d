package cn.gov.sd.pilotzone.zone;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

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
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/zones} (docs/api.md): zones, a zone's phase and tasks, per-bureau counts, the supervisor bulletin (JSON
 * and Excel), progress reports, and starting a zone's lifecycle. Scoped by {@link ZoneAccess}: a zone or task the
 * caller may not see is "not found"; an action on a visible one that the caller may not take is "forbidden".
 */
@RestController
@RequestMapping("/api/zones")
class ZoneController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A progress report by API; {@code bureau} only when an administrator or system account reports for one. */
    record ReportForm(String bureau, String period, Integer progress, String summary, String issues) {
    }

    private final ZonePlans plans;
    private final ZoneAccess access;
    private final ZoneViews views;
    private final BulletinWorkbook workbook;
    private final ProgressReports reports;
    private final ZoneLifecycles lifecycles;
    private final ZoneStore store;
    private final ZoneDocuments documents;
    private final ZoneCaseAccess caseAccess;
    private final ProvinceZones province;

    ZoneController(ZonePlans plans, ZoneAccess access, ZoneViews views, BulletinWorkbook workbook,
                   ProgressReports reports, ZoneLifecycles lifecycles, ZoneStore store, ZoneDocuments documents,
                   ZoneCaseAccess caseAccess, ProvinceZones province) {
        this.caseAccess = caseAccess;
        this.province = province;
        this.plans = plans;
        this.access = access;
        this.views = views;
        this.workbook = workbook;
        this.reports = reports;
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
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no zone " + zoneId));
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
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no document " + documentId));
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
                                          @RequestBody ReportForm form) {
        ZonePlan plan = visible(caller, zoneId);
        PlanTask task = visibleTask(caller, plan, taskCode);
        if (!access.mayReport(caller, task)) {
            throw new AccessDeniedException("only a lead bureau of task " + taskCode + " reports on it");
        }
        String bureau = form.bureau();
        if (caller.isClerk()) {
            if (bureau != null && !bureau.equals(caller.bureauCode())) {
                throw new AccessDeniedException("a clerk reports for their own bureau");
            }
            bureau = caller.bureauCode();
        } else if (bureau == null && task.leadBureaus().size() == 1) {
            bureau = task.leadBureaus().get(0);
        }
        ProgressReport r = reports.submit(new ProgressReports.Submission(zoneId, taskCode, bureau, form.period(),
                form.progress(), form.summary(), form.issues()), ProgressReport.Source.API, caller.username());
        return ResponseEntity.created(URI.create("/api/zones/" + zoneId + "/tasks/" + taskCode)).body(r);
    }

    /**
     * Starts the zone's lifecycle. An administrator may override the periods of hub.zone.* for this run (a demo in
     * minutes); the coordinator starts it as configured.
     */
    @PostMapping("/{zoneId}/lifecycle")
    @ResponseStatus(HttpStatus.CREATED)
    ZoneLifecycles.Started start(Caller caller, @PathVariable String zoneId,
                                 @RequestBody(required = false) Timeline.Overrides overrides) {
        ZonePlan plan = visible(caller, zoneId);
        if (!access.mayStart(caller, plan)) {
            throw new AccessDeniedException("starting a lifecycle is for administrators and the coordinator");
        }
        if (overrides != null && !overrides.equals(Timeline.Overrides.NONE) && !access.mayOverridePeriods(caller)) {
            throw new AccessDeniedException("only administrators change the periods of a lifecycle");
        }
        return lifecycles.start(zoneId, caller.username(), overrides);
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
        return plans.find(zoneId).filter(p -> access.seesZone(caller, p))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no zone " + zoneId));
    }

    private PlanTask visibleTask(Caller caller, ZonePlan plan, String taskCode) {
        return plan.task(taskCode).filter(t -> access.seesTask(caller, plan, t))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no task " + taskCode + " in zone " + plan.id()));
    }
}
