package cn.gov.sd.pilotzone.security;

import java.util.Objects;

/**
 * A hub account as other packages see it, without its password. {@code bureauCode} is a code of
 * {@code config/bureaus.yml}; every clerk has one, because a clerk's bureau is the only thing that scopes their work.
 */
public record HubUser(String username, Role role, String bureauCode, String displayName) {

    public HubUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (role == Role.CLERK && bureauCode == null) {
            throw new IllegalArgumentException("clerk " + username + " has no bureau");
        }
    }
}
