package cn.gov.sd.pilotzone.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The accounts of table {@code hub_user}, with their password hashes and the lock-out bookkeeping. */
@Component
class UserStore {

    /** A row of {@code hub_user}: what authentication needs beyond {@link HubUser}. */
    record Account(HubUser user, String passwordHash, boolean enabled, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final LockoutSettings lockout;

    UserStore(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock, LockoutSettings lockout) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.lockout = lockout;
    }

    Optional<HubUser> find(String username) {
        return findAccount(username).map(Account::user);
    }

    /** Creates the account unless one of that name exists; {@code false} if it did (also when another node won). */
    boolean create(HubUser user, String rawPassword) {
        return insert(user, encoder.encode(rawPassword));
    }

    /** Where the person's notices are mailed; null or blank removes the address. */
    void setEmail(String username, String email) {
        jdbc.update("UPDATE hub_user SET email = ? WHERE username = ?",
                email == null || email.isBlank() ? null : email.strip(), username);
    }

    /** The mail addresses of a person, or of a bureau's (candidate group's) enabled accounts. */
    List<String> mailAddresses(String username, String bureauCode) {
        return jdbc.queryForList("SELECT email FROM hub_user WHERE enabled = TRUE AND email IS NOT NULL"
                + " AND (username = ? OR bureau_code = ?) ORDER BY username", String.class, username, bureauCode);
    }

    /** The enabled clerks of a bureau, by name: whom a task of that bureau can be handed to. */
    List<HubUser> clerksOf(String bureauCode) {
        return jdbc.query("SELECT username, password_hash, role, bureau_code, display_name, enabled, locked_until"
                        + " FROM hub_user WHERE bureau_code = ? AND role = ? AND enabled = TRUE ORDER BY username",
                UserStore::account, bureauCode, Role.CLERK.name()).stream().map(Account::user).toList();
    }

    boolean isLocked(String username) {
        return findAccount(username).map(a -> a.lockedAt(clock.instant())).orElse(false);
    }

    Optional<Account> findAccount(String username) {
        return jdbc.query("SELECT username, password_hash, role, bureau_code, display_name, enabled, locked_until"
                + " FROM hub_user WHERE username = ?", UserStore::account, username).stream().findFirst();
    }

    boolean insert(HubUser user, String passwordHash) {
        return insert(user, passwordHash, false);
    }

    /** A demo account; see {@link DemoAccounts}. */
    boolean insertDemo(HubUser user, String passwordHash) {
        return insert(user, passwordHash, true);
    }

    private boolean insert(HubUser user, String passwordHash, boolean demo) {
        try {
            jdbc.update("INSERT INTO hub_user (username, password_hash, role, bureau_code, display_name, enabled,"
                            + " failed_logins, locked_until, demo) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?)",
                    user.username(), passwordHash, user.role().name(), user.bureauCode(), user.displayName(), true,
                    demo);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /** Marks existing accounts of these names as demo ones (and enables them): demo mode is on. */
    void markDemo(List<String> names) {
        for (String name : names) {
            jdbc.update("UPDATE hub_user SET demo = TRUE, enabled = TRUE"
                    + " WHERE username = ? AND (demo = FALSE OR enabled = FALSE)", name);
        }
    }

    /**
     * Disables the enabled demo accounts: those marked as such, and those of a demo name whose password hash
     * {@code demoPassword} accepts (made before accounts were marked; one check per distinct hash, since demo mode
     * gives all its accounts one). The names disabled.
     */
    List<String> disableDemoAccounts(List<String> demoNames, Predicate<String> demoPassword) {
        Set<String> names = Set.copyOf(demoNames);
        Map<String, Boolean> demoHash = new HashMap<>();
        List<String> disabled = new ArrayList<>();
        jdbc.query("SELECT username, password_hash, demo FROM hub_user WHERE enabled = TRUE ORDER BY username", rs -> {
            String name = rs.getString("username");
            boolean demo = rs.getBoolean("demo") || names.contains(name)
                    && demoHash.computeIfAbsent(rs.getString("password_hash"), demoPassword::test);
            if (demo) {
                disabled.add(name);
            }
        });
        for (String name : disabled) {
            jdbc.update("UPDATE hub_user SET enabled = FALSE, demo = TRUE WHERE username = ?", name);
        }
        return disabled;
    }

    /** What {@link #claimAttempt} found. */
    enum Claim { CLAIMED, LOCKED, BUSY, UNKNOWN }

    /**
     * Counts a password check against the limit before it is made (docs/security.md): one atomic statement, which
     * succeeds only while the account is not locked and fewer than {@code max-failed-logins} checks are counted, so
     * parallel guesses cannot get more checks than the limit between two of their answers. A check stays counted as
     * a failure until {@link #recordSuccess} forgets it. {@link Claim#BUSY}: as many checks as the limit are under
     * way; their answers decide whether the account locks.
     */
    Claim claimAttempt(String username) {
        Instant now = clock.instant();
        int claimed = jdbc.update("UPDATE hub_user SET failed_logins = failed_logins + 1"
                        + " WHERE username = ? AND (locked_until IS NULL OR locked_until <= ?) AND failed_logins < ?",
                username, Utc.of(now), lockout.maxFailedLogins());
        if (claimed == 1) {
            return Claim.CLAIMED;
        }
        return findAccount(username).map(a -> a.lockedAt(now) ? Claim.LOCKED : Claim.BUSY).orElse(Claim.UNKNOWN);
    }

    /**
     * Locks an account whose count has reached the limit: after a wrong password (a claimed check stays counted), or
     * when checks were claimed and never answered (a node died in between) and a caller has waited long enough. The
     * lock starts the count again, so that after the lock-out the user has the full number of attempts.
     * {@code true} when this call locked it.
     */
    boolean lockIfLimitReached(String username) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE hub_user SET locked_until = ?, failed_logins = 0"
                        + " WHERE username = ? AND failed_logins >= ? AND (locked_until IS NULL OR locked_until <= ?)",
                Utc.of(now.plus(lockout.lockout())), username, lockout.maxFailedLogins(), Utc.of(now)) == 1;
    }

    /**
     * A claimed check found the password right: the failures are forgotten, unless the account was locked in the
     * meantime by parallel failures; then {@code false}, and the login is refused like any during a lock-out.
     */
    boolean recordSuccess(String username) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE hub_user SET failed_logins = 0, locked_until = NULL"
                + " WHERE username = ? AND (locked_until IS NULL OR locked_until <= ?)", username, Utc.of(now)) == 1;
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        HubUser user = new HubUser(rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.getString("bureau_code"), rs.getString("display_name"));
        return new Account(user, rs.getString("password_hash"), rs.getBoolean("enabled"),
                Utc.instant(rs.getObject("locked_until", LocalDateTime.class)));
    }
}
