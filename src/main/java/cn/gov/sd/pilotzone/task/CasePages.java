package cn.gov.sd.pilotzone.task;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.ui.PageController;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case page of any process (zone lifecycles, follow-ups): every task, who did it and when, comments, files
 * and the diagram with its current position. A case whose feature has a page of its own (an award application)
 * opens there.
 */
@PageController
class CasePages {

    private final Cases cases;

    CasePages(Cases cases) {
        this.cases = cases;
    }

    @GetMapping("/cases/{processInstanceId}")
    String processCase(Caller caller, @PathVariable String processInstanceId, Model model) {
        if (!cases.canSee(caller, processInstanceId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Cases.CaseInfo info = cases.info(caller, processInstanceId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String home = cases.href(info.processKey(), info.businessKey(), processInstanceId);
        if (!home.equals("/cases/" + processInstanceId)) {
            return "redirect:" + home;
        }
        model.addAttribute("caseInfo", info);
        model.addAttribute("workable", cases.workable(caller, info));
        return "case";
    }
}
