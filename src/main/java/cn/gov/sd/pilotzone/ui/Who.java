package cn.gov.sd.pilotzone.ui;

import cn.gov.sd.pilotzone.security.HubUserDetails;
import cn.gov.sd.pilotzone.security.Role;

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

        /** Administrators see the audit trail. */
        public boolean administers() {
            return role == Role.ADMIN;
        }
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
