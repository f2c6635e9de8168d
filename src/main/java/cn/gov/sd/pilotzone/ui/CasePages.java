package cn.gov.sd.pilotzone.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.gov.sd.pilotzone.award.AwardAccess;
import cn.gov.sd.pilotzone.award.AwardApplication;
import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.award.AwardCatalog;
import cn.gov.sd.pilotzone.award.ApplicationStore;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.TaskSearch;
import cn.gov.sd.pilotzone.task.Tasks;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Case pages (a Cockpit for award applications): the applications the caller may see, and one case with every
 * step, who did it and when, the reasons, the payments and the diagram with its current position.
 */
@Controller
class CasePages {

    static final int PAGE_SIZE = 20;

    private final ApplicationStore store;
    private final AwardAccess access;
    private final AwardCatalog catalog;
    private final BureauDirectory bureaus;
    private final Cases cases;
    private final Tasks tasks;
    private final CaseDiagrams diagrams;

    CasePages(ApplicationStore store, AwardAccess access, AwardCatalog catalog, BureauDirectory bureaus, Cases cases,
              Tasks tasks, CaseDiagrams diagrams) {
        this.diagrams = diagrams;
        this.store = store;
        this.access = access;
        this.catalog = catalog;
        this.bureaus = bureaus;
        this.cases = cases;
        this.tasks = tasks;
    }

    @GetMapping("/applications")
    String list(Caller caller, Model model, @RequestParam(required = false) String uscc,
                @RequestParam(required = false) String policy, @RequestParam(required = false) Status status,
                @RequestParam(required = false) Channel channel, @RequestParam(required = false) String county,
                @RequestParam(defaultValue = "0") int page) {
        AwardAccess.Scope scope = access.scope(caller);
        List<AwardApplication> list = List.of();
        boolean more = false;
        int current = Math.max(page, 0);
        if (!scope.none()) {
            String countyCode = scope.all() ? blankToNull(county) : scope.countyCode();
            var filter = new ApplicationStore.Filter(blankToNull(uscc), blankToNull(policy), status, channel, countyCode);
            // one more than a page tells whether there is a next one, without counting
            list = store.slice(filter, (long) current * PAGE_SIZE, PAGE_SIZE + 1);
            more = list.size() > PAGE_SIZE;
            list = more ? list.subList(0, PAGE_SIZE) : list;
        }
        model.addAttribute("applications", list);
        model.addAttribute("more", more);
        model.addAttribute("page", current);
        model.addAttribute("scope", scope);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("policies", catalog.all());
        model.addAttribute("counties", bureaus.all().stream().filter(b -> b.countyCode() != null).toList());
        model.addAttribute("q", new Query(uscc, policy, status, channel, county));
        return "applications";
    }

    record Query(String uscc, String policy, Status status, Channel channel, String county) {
    }

    @GetMapping("/applications/{applicationId}")
    String application(Caller caller, @PathVariable String applicationId, Model model) {
        AwardApplication app = cases.application(caller, applicationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("award", cases.award(app));
        Cases.CaseInfo info = app.processInstanceId() == null ? null
                : cases.info(caller, app.processInstanceId()).orElse(null);
        return show(caller, info, model);
    }

    /** Any process's case by its instance id (zone lifecycles, follow-ups); award cases have their own address. */
    @GetMapping("/cases/{processInstanceId}")
    String processCase(Caller caller, @PathVariable String processInstanceId, Model model) {
        if (!cases.canSee(caller, processInstanceId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Cases.CaseInfo info = cases.info(caller, processInstanceId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (info.award() != null) {
            return "redirect:/applications/" + info.award().app().applicationId();
        }
        return show(caller, info, model);
    }

    /**
     * The case's diagram (case, task and zone pages show it), for whoever may see the case: its process with the
     * current position, the path taken and the open tasks' due state.
     */
    @GetMapping(value = "/cases/{processInstanceId}/diagram.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> diagram(Caller caller, @PathVariable String processInstanceId) {
        if (!cases.canSee(caller, processInstanceId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        byte[] png = diagrams.png(processInstanceId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // the case moves on: never cached, and private to the caller
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(png);
    }

    private String show(Caller caller, Cases.CaseInfo info, Model model) {
        model.addAttribute("caseInfo", info);
        Set<String> workable = new HashSet<>();
        if (info != null) {
            for (TaskSearch.DoneTask t : info.tasks()) {
                if (t.ended() == null) {
                    try {
                        tasks.visible(caller, t.id());
                        workable.add(t.id());
                    } catch (Tasks.TaskNotFoundException notTheirs) {
                        // shown, but not as a link
                    }
                }
            }
        }
        model.addAttribute("workable", workable);
        return "case";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
