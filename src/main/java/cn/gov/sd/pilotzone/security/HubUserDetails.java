package cn.gov.sd.pilotzone.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of an authenticated hub session. It carries the role and bureau so that {@link Callers} can answer
 * "who is asking, for which bureau" without a database query per request; it lives in the HTTP session, so it is
 * serializable like its superclass.
 */
public class HubUserDetails extends User {

    private static final long serialVersionUID = 1L;

    private final HubUser user;

    public HubUserDetails(HubUser user, String passwordHash, boolean enabled, boolean accountNonLocked) {
        super(user.username(), passwordHash, enabled, true, true, accountNonLocked,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
    }

    public HubUser user() {
        return user;
    }

    public Caller caller() {
        return new Caller(user.username(), user.role(), user.bureauCode());
    }
}
