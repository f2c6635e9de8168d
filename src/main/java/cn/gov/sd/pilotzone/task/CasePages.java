package cn.gov.sd.pilotzone.task;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.ui.CaseDiagrams;
import cn.gov.sd.pilotzone.ui.PageController;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    private final CaseDiagrams diagrams;

    CasePages(Cases cases, CaseDiagrams diagrams) {
        this.cases = cases;
        this.diagrams = diagrams;
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

    /**
     * The case's diagram (case, task and application pages show it), for whoever may see the case: its process with
     * the current position, the path taken and the open tasks' due state.
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
}
