package cn.gov.sd.pilotzone.security;

import java.util.HashMap;
import java.util.Map;

import cn.gov.sd.pilotzone.registry.BureauNames;
import cn.gov.sd.pilotzone.ui.UiFormat;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is logged in, for templates ({@code ${@who.me()}}): a bean rather than a model attribute, so that error
 * pages, which no controller of ours renders, show the same navigation bar.
 */
@Component("who")
public class Who {

    /** The logged-in person as the navigation bar shows them. */
    public record Me(String username, String displayName, String bureauCode, Role role) {
        public boolean supervises() {
            return role == Role.SUPERVISOR || role == Role.ADMIN;
        }

        public Caller caller() {
            return new Caller(username, role, bureauCode);
        }

        /** Administrators see the audit trail. */
        public boolean administers() {
            return role == Role.ADMIN;
        }
    }

    /** The account name of the hub's own automatic steps; {@code <bureau>-system} names a bureau's system. */
    private static final String SYSTEM = "system";
    private static final String SYSTEM_SUFFIX = "-system";
    /** The request attribute of the names looked up while answering it. */
    private static final String NAMES = Who.class.getName() + ".names";

    private final UserStore users;
    private final UiFormat fmt;
    private final BureauNames bureauNames;

    Who(UserStore users, UiFormat fmt, BureauNames bureauNames) {
        this.bureauNames = bureauNames;
        this.users = users;
        this.fmt = fmt;
    }

    /**
     * Who did something, as a history shows it: "县工信局经办人（county-370705）", "系统自动", "市财政局（系统对接）";
     * never only an account name where the person has a name.
     */
    public String label(String username) {
        if (username == null || username.isBlank()) {
            return "—";
        }
        if (SYSTEM.equals(username)) {
            return fmt.text("ui.actor.system");
        }
        if (username.endsWith(SYSTEM_SUFFIX)) {
            String bureau = username.substring(0, username.length() - SYSTEM_SUFFIX.length());
            return fmt.text("ui.actor.bureauSystem", bureauNames.name(bureau));
        }
        String name = name(username);
        return name.equals(username) ? username : name + "（" + username + "）";
    }

    /**
     * A person as pages name them: display name, else the account name; empty for none. Within a request each
     * person is looked up once: a case page names the same clerks in its history, tasks and comments, a query each.
     */
    public String name(String username) {
        if (username == null) {
            return "";
        }
        Map<String, String> names = namesOfThisRequest();
        return names == null ? lookUp(username) : names.computeIfAbsent(username, this::lookUp);
    }

    private String lookUp(String username) {
        return users.find(username).map(HubUser::displayName).filter(n -> !n.isBlank()).orElse(username);
    }

    /** The names this request has looked up; null outside a request (mails, feeds). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> namesOfThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Map<String, String> names = (Map<String, String>) request.getAttribute(NAMES, RequestAttributes.SCOPE_REQUEST);
        if (names == null) {
            names = new HashMap<>();
            request.setAttribute(NAMES, names, RequestAttributes.SCOPE_REQUEST);
        }
        return names;
    }

    /** Null when nobody is logged in (the login page, public error pages). */
    public Me me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HubUserDetails d) {
            return new Me(d.user().username(), d.user().displayName(), d.user().bureauCode(), d.user().role());
        }
        return null;
    }
}
