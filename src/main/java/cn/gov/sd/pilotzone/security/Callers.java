package cn.gov.sd.pilotzone.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The {@link Caller} of the current request, from Spring Security's context. */
@Component
public class Callers {

    /**
     * @throws AuthenticationCredentialsNotFoundException when nobody is logged in (answered with a 401)
     * @throws AccessDeniedException when the principal has no hub role (answered with a 403)
     */
    public Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("no authenticated caller");
        }
        if (auth.getPrincipal() instanceof HubUserDetails details) {
            return details.caller();
        }
        // Principals made elsewhere (spring-security-test's @WithMockUser) carry a role but no bureau, so this
        // works for administrators, supervisors and system accounts; a clerk without a bureau is refused by Caller.
        Role role = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(a -> Role.fromAuthority(a).stream())
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException(auth.getName() + " has no hub role"));
        return new Caller(auth.getName(), role, null);
    }
}
