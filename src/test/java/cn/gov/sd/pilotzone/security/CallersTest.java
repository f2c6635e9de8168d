package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class CallersTest {

    private final Callers callers = new Callers();

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void callerComesFromTheHubPrincipalWithItsBureau() {
        HubUserDetails details = new HubUserDetails(new HubUser("county-370705", Role.CLERK, "county-370705",
                "奎文区工信局经办人"), "{noop}x", true, true);
        authenticate(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));

        assertThat(callers.current()).isEqualTo(new Caller("county-370705", Role.CLERK, "county-370705"));
    }

    @Test
    void otherPrincipalsGiveTheirRoleWithoutBureau() {
        authenticate(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));

        assertThat(callers.current()).isEqualTo(new Caller("admin", Role.ADMIN, null));
    }

    @Test
    void principalWithoutHubRoleIsDenied() {
        authenticate(UsernamePasswordAuthenticationToken.authenticated("x", null,
                AuthorityUtils.createAuthorityList("ROLE_USER")));

        assertThatThrownBy(callers::current).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodyLoggedInIsUnauthenticated() {
        assertThatThrownBy(callers::current).isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        authenticate(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThatThrownBy(callers::current).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void hubPrincipalCarriesItsRoleAsAuthority() {
        HubUserDetails details = new HubUserDetails(new HubUser("system", Role.SYSTEM, null, "系统对接账号"),
                "{noop}x", true, false);

        assertThat(AuthorityUtils.authorityListToSet(details.getAuthorities())).containsExactly("ROLE_SYSTEM");
        assertThat(details.isAccountNonLocked()).isFalse();
        assertThat(details.caller()).isEqualTo(new Caller("system", Role.SYSTEM, null));
    }

    private static void authenticate(Authentication auth) {
        SecurityContextHolder.getContext().setAuthentication(auth);
    }
}
