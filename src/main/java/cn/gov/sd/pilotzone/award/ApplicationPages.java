package cn.gov.sd.pilotzone.award;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.Cases;
import cn.gov.sd.pilotzone.ui.PageController;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Award application pages (a Cockpit): the applications the caller may see, and one application's case with every
 * step, who did it and when, the reasons, the payments and the diagram with its current position; during its public
 * notice (公示期) an objection (异议) with its reason, by the same code as the API.
 */
@PageController
class ApplicationPages {

    static final int PAGE_SIZE = 20;

    private final ApplicationStore store;
    private final AwardAccess access;
    private final AwardCatalog catalog;
    private final BureauDirectory bureaus;
    private final AwardCases awardCases;
    private final Cases cases;
    private final AwardApplications applications;
    private final Messages messages;

    ApplicationPages(ApplicationStore store, AwardAccess access, AwardCatalog catalog, BureauDirectory bureaus,
                     AwardCases awardCases, Cases cases, AwardApplications applications, Messages messages) {
        this.applications = applications;
        this.messages = messages;
        this.store = store;
        this.access = access;
        this.catalog = catalog;
        this.bureaus = bureaus;
        this.awardCases = awardCases;
        this.cases = cases;
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
        AwardApplication app = awardCases.application(caller, applicationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // the case's detail is this feature's award part (AwardCases.detail): made once, from the record just read
        AwardCases.AwardCase award = awardCases.award(app);
        Cases.CaseInfo info = app.processInstanceId() == null ? null
                : cases.info(caller, app.processInstanceId(), award).orElse(null);
        model.addAttribute("award", award);
        model.addAttribute("caseInfo", info);
        model.addAttribute("workable", info == null ? Set.of() : cases.workable(caller, info));
        return "case";
    }

    /**
     * An objection during the public notice, by whoever may see the application (as {@code POST
     * /api/award-applications/{id}/objections}): the case goes back to city review and the reason into its history.
     * A missing or over-long reason is shown at the field with what was typed.
     */
    @PostMapping("/applications/{applicationId}/objections")
    String object(Caller caller, @PathVariable String applicationId,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        AwardApplication app = awardCases.application(caller, applicationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String back = "redirect:/applications/" + app.applicationId();
        try {
            applications.object(app.applicationId(), reason, caller.username());
            redirect.addFlashAttribute("notice", messages.get("ui.objection.filed", locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("objectionError", messages.get(e.problems().get(0).code(), locale,
                    e.problems().get(0).args().toArray()));
            redirect.addFlashAttribute("objectionReason", reason);
            return back + "#objection";
        } catch (AwardApplications.WrongStateException e) {
            redirect.addFlashAttribute("problem", messages.get("ui.objection.notInNotice", locale));
        }
        return back;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
