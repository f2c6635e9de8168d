package cn.gov.sd.pilotzone.ui;

import cn.gov.sd.pilotzone.notice.Notices;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.HubUser;
import cn.gov.sd.pilotzone.security.HubUserDetails;
import cn.gov.sd.pilotzone.security.Role;
import cn.gov.sd.pilotzone.security.UserStore;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

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
    }

    private final UserStore users;
    private final Notices notices;

    Who(UserStore users, Notices notices) {
        this.users = users;
        this.notices = notices;
    }

    /** A person as pages name them: display name, else the account name; empty for none. */
    public String name(String username) {
        if (username == null) {
            return "";
        }
        return users.find(username).map(HubUser::displayName).filter(n -> !n.isBlank()).orElse(username);
    }

    /** The logged-in person's unread notices (the navigation bar's badge). */
    public long unread() {
        Me me = me();
        return me == null ? 0 : notices.unread(new Caller(me.username(), me.role(), me.bureauCode()));
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
