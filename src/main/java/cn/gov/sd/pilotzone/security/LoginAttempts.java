package cn.gov.sd.pilotzone.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Feeds the lock-out from Spring Security's authentication events, so form login and HTTP Basic count alike. Only
 * bad credentials count: a locked or disabled account fails before its password is checked.
 */
@Component
class LoginAttempts {

    private final UserStore users;

    LoginAttempts(UserStore users) {
        this.users = users;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        users.recordFailure(event.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.recordSuccess(event.getAuthentication().getName());
    }
}
