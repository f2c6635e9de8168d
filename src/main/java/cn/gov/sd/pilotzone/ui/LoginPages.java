package cn.gov.sd.pilotzone.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (Spring Security posts the form to /login itself) and the start page after it. */
@Controller
class LoginPages {

    private final boolean demo;

    LoginPages(@Value("${hub.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    /**
     * Spring Security redirects a failed login to {@code /login?error} and leaves the reason in the session: a
     * locked account is told so (and for how long the settings say), anything else is "wrong name or password",
     * so that the page does not reveal which names exist.
     */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        String error = null;
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object cause = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (cause instanceof LockedException) {
                error = "locked";
            } else if (cause instanceof DisabledException) {
                error = "disabled";
            } else if (cause == null || cause instanceof AuthenticationException) {
                error = "bad";
            }
        }
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
