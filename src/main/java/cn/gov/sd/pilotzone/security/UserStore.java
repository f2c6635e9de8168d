package cn.gov.sd.pilotzone.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The accounts of table {@code hub_user}, with their password hashes and the lock-out bookkeeping. */
@Component
public class UserStore {

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

    public Optional<HubUser> find(String username) {
        return findAccount(username).map(Account::user);
    }

    /** Creates the account unless one of that name exists; {@code false} if it did (also when another node won). */
    public boolean create(HubUser user, String rawPassword) {
        return insert(user, encoder.encode(rawPassword));
    }

    /** Where the person's notices are mailed; null or blank removes the address. */
    public void setEmail(String username, String email) {
        jdbc.update("UPDATE hub_user SET email = ? WHERE username = ?",
                email == null || email.isBlank() ? null : email.strip(), username);
    }

    /** The mail addresses of a person, or of a bureau's (candidate group's) enabled accounts. */
    public java.util.List<String> mailAddresses(String username, String bureauCode) {
        return jdbc.queryForList("SELECT email FROM hub_user WHERE enabled = TRUE AND email IS NOT NULL"
                + " AND (username = ? OR bureau_code = ?) ORDER BY username", String.class, username, bureauCode);
    }

    /** The enabled clerks of a bureau, by name: whom a task of that bureau can be handed to. */
    public java.util.List<HubUser> clerksOf(String bureauCode) {
        return jdbc.query("SELECT username, password_hash, role, bureau_code, display_name, enabled, locked_until"
                        + " FROM hub_user WHERE bureau_code = ? AND role = ? AND enabled = TRUE ORDER BY username",
                UserStore::account, bureauCode, Role.CLERK.name()).stream().map(Account::user).toList();
    }

    public boolean isLocked(String username) {
        return findAccount(username).map(a -> a.lockedAt(clock.instant())).orElse(false);
    }

    Optional<Account> findAccount(String username) {
        return jdbc.query("SELECT username, password_hash, role, bureau_code, display_name, enabled, locked_until"
                + " FROM hub_user WHERE username = ?", UserStore::account, username).stream().findFirst();
    }

    boolean insert(HubUser user, String passwordHash) {
        try {
            jdbc.update("INSERT INTO hub_user (username, password_hash, role, bureau_code, display_name, enabled,"
                            + " failed_logins, locked_until) VALUES (?, ?, ?, ?, ?, ?, 0, NULL)",
                    user.username(), passwordHash, user.role().name(), user.bureauCode(), user.displayName(), true);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Counts a wrong password. The failure that reaches the limit locks the account and starts the count again, so
     * that after the lock-out the user has the full number of attempts. An unknown name matches no row, so guessing
     * names leaves no trace in the table. One statement, so that concurrent attempts on two nodes cannot lose a count.
     */
    void recordFailure(String username) {
        Instant lockedUntil = clock.instant().plus(lockout.lockout());
        // locked_until is assigned first: MySQL evaluates single-table SET clauses left to right with the values
        // already assigned, H2 with the old ones; in this order both read the old failed_logins.
        jdbc.update("UPDATE hub_user"
                        + " SET locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END,"
                        + " failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END"
                        + " WHERE username = ?",
                lockout.maxFailedLogins(), Utc.of(lockedUntil), lockout.maxFailedLogins(), username);
    }

    /** Forgets earlier failures. Writes only when there is something to forget: system accounts log in per request. */
    void recordSuccess(String username) {
        jdbc.update("UPDATE hub_user SET failed_logins = 0, locked_until = NULL"
                + " WHERE username = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)", username);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        HubUser user = new HubUser(rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.getString("bureau_code"), rs.getString("display_name"));
        return new Account(user, rs.getString("password_hash"), rs.getBoolean("enabled"),
                Utc.instant(rs.getObject("locked_until", LocalDateTime.class)));
    }
}
