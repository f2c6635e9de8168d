package cn.gov.sd.pilotzone.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password checks for form login and HTTP Basic alike, counted in the database before they are made
 * ({@link UserStore#claimAttempt}): however many guesses arrive in parallel, on however many nodes, at most
 * {@code hub.security.max-failed-logins} passwords are checked before the account locks, and a right password
 * arriving while it is locked is refused without being checked and clears nothing (docs/security.md).
 */
@Component
class LockoutAuthenticationProvider extends DaoAuthenticationProvider {

    /** How long a check waits while the limit's worth of checks are under way; longer means they never answered. */
    static final Duration WAIT_FOR_CHECKS = Duration.ofSeconds(10);
    private static final long PAUSE_MILLIS = 25;

    private final UserStore users;
    private final AuditTrail audit;
    private final Clock clock;

    LockoutAuthenticationProvider(HubUserDetailsService accounts, PasswordEncoder encoder, UserStore users,
                                  AuditTrail audit, Clock clock) {
        super(encoder);
        setUserDetailsService(accounts);
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken login) {
        String name = user.getUsername();
        claim(name);
        boolean right = false;
        try {
            super.additionalAuthenticationChecks(user, login);
            right = true;
        } finally {
            if (!right && users.lockIfLimitReached(name)) {
                audit.record(name, AuditType.LOCKED_OUT, name, "locked after too many wrong passwords");
            }
        }
        if (!users.recordSuccess(name)) {
            throw new LockedException("locked while the password was checked");
        }
    }

    private void claim(String name) {
        Instant deadline = clock.instant().plus(WAIT_FOR_CHECKS);
        while (true) {
            switch (users.claimAttempt(name)) {
                case CLAIMED:
                    return;
                case BUSY:
                    if (clock.instant().isAfter(deadline)) {
                        users.lockIfLimitReached(name);
                        throw new LockedException("checks claimed and never answered");
                    }
                    pause();
                    break;
                default:
                    throw new LockedException("locked");
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockedException("interrupted");
        }
    }
}
