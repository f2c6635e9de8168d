package cn.gov.sd.pilotzone.security;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Accounts for Spring Security, from {@code hub_user}. Being a {@link UserDetailsService} bean it also keeps
 * Flowable's IDM-backed one from being configured. A locked account is reported as not non-locked, so Spring checks
 * the lock before the password and answers with a {@code LockedException}; attempts during the lock are not counted.
 */
@Component
class HubUserDetailsService implements UserDetailsService {

    private final UserStore users;
    private final Clock clock;

    HubUserDetailsService(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserStore.Account account = users.findAccount(username)
                .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
        return new HubUserDetails(account.user(), account.passwordHash(), account.enabled(),
                !account.lockedAt(clock.instant()));
    }
}
