package cn.gov.sd.pilotzone.dashboard;

import java.util.Locale;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.exchange.ExchangeStatus;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.ui.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervisors' dashboard page and its re-process action (SecurityConfig admits supervisors and admins). */
@PageController
class DashboardPages {

    private final DashboardService dashboard;
    private final ExchangeStatus exchange;
    private final Messages messages;

    DashboardPages(DashboardService dashboard, ExchangeStatus exchange, Messages messages) {
        this.dashboard = dashboard;
        this.exchange = exchange;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        model.addAttribute("d", dashboard.dashboard());
        return "dashboard";
    }

    @PostMapping("/dashboard/feeds/{feed}/reprocess")
    String reprocess(Caller caller, @PathVariable String feed, @RequestParam(required = false) String file,
                     RedirectAttributes redirect, Locale locale) {
        try {
            String name = exchange.reprocess(feed, file, caller.username());
            redirect.addFlashAttribute("notice", messages.get("ui.feed.requeued", locale, name, feed));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", messages.get(e.problems().get(0).code(), locale,
                    e.problems().get(0).args().toArray()));
        }
        return "redirect:/dashboard#feed-" + feed;
    }
}
