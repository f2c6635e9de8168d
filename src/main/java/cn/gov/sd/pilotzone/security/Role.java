package cn.gov.sd.pilotzone.security;

import java.util.Optional;

/**
 * What a hub account may do. Clerks work their own bureau's tasks; supervisors watch every bureau and work the
 * supervision tasks; administrators and system accounts (other government systems, Prometheus) also get the
 * Flowable REST API and the actuator.
 */
public enum Role {
    CLERK, SUPERVISOR, ADMIN, SYSTEM;

    private static final String PREFIX = "ROLE_";

    /** The Spring Security authority, as {@code hasRole(...)} expects it. */
    public String authority() {
        return PREFIX + name();
    }

    /** The role behind an authority such as {@code ROLE_ADMIN}; empty for authorities that are not hub roles. */
    public static Optional<Role> fromAuthority(String authority) {
        if (authority == null || !authority.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = authority.substring(PREFIX.length());
        for (Role r : values()) {
            if (r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
