package cn.gov.sd.pilotzone.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hub.security.*}: how many wrong passwords in a row lock an account, and for how long. */
@ConfigurationProperties("hub.security")
record LockoutSettings(@DefaultValue("5") int maxFailedLogins, @DefaultValue("PT15M") Duration lockout) {

    LockoutSettings {
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("hub.security.max-failed-logins must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("hub.security.lockout must be positive");
        }
    }
}
