package cn.gov.sd.pilotzone.security;

import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logins and failed logins into the audit trail, from Spring Security's events (form login and HTTP Basic alike).
 * The lock-out itself is counted where the password is checked ({@link LockoutAuthenticationProvider}). Successful
 * HTTP Basic requests are not entries: system clients authenticate on every request.
 */
@Component
class LoginAttempts {

    private final AuditTrail audit;

    LoginAttempts(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        audit.record(name, AuditType.LOGIN_FAILED, name, event.getException().getClass().getSimpleName());
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        audit.record(name, AuditType.LOGIN, name, "form login");
    }
}
