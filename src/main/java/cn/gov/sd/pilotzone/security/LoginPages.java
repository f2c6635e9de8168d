package cn.gov.sd.pilotzone.security;

import cn.gov.sd.pilotzone.ui.PageController;

import jakarta.servlet.http.HttpServletRequest;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (Spring Security posts the form to /login itself) and the start page after it. */
@PageController
class LoginPages {

    private final boolean demo;

    LoginPages(@Value("${hub.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    /**
     * Spring Security redirects a failed login to {@code /login?error}. Every reason (wrong password, unknown name,
     * locked or disabled account) gets the same message, which mentions the lock-out: telling "locked" apart would
     * tell which names exist, since only existing accounts lock.
     */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        String error = request.getParameter("error") != null ? "bad" : null;
        model.addAttribute("error", error);
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        model.addAttribute("demo", demo);
        return "login";
    }

    /** Clerks start at their tasks, supervisors and administrators at the dashboard. */
    @GetMapping("/")
    String home(Caller caller) {
        return caller.role() == Role.SUPERVISOR || caller.role() == Role.ADMIN ? "redirect:/dashboard"
                : "redirect:/tasks";
    }
}
