package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import cn.gov.sd.pilotzone.common.MutableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The store against the real schema, with a clock of its own to let lock-outs expire. */
@SecurityIntegrationTest
class UserStoreIT {

    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));

    private UserStore store() {
        return new UserStore(jdbc, encoder, clock, new LockoutSettings(3, LOCKOUT));
    }

    @Test
    void createdAccountIsFoundWithBcryptHash() {
        UserStore store = store();
        HubUser user = new HubUser(newName(), Role.CLERK, "county-370705", "奎文区工信局经办人");

        assertThat(store.create(user, "secret")).isTrue();

        assertThat(store.find(user.username())).contains(user);
        UserStore.Account account = store.findAccount(user.username()).orElseThrow();
        assertThat(account.passwordHash()).startsWith("{bcrypt}");
        assertThat(encoder.matches("secret", account.passwordHash())).isTrue();
        assertThat(account.enabled()).isTrue();
    }

    @Test
    void creatingAnExistingAccountChangesNothing() {
        UserStore store = store();
        HubUser user = new HubUser(newName(), Role.ADMIN, null, "first");
        store.create(user, "first");

        assertThat(store.create(new HubUser(user.username(), Role.CLERK, "gxj", "second"), "second")).isFalse();

        assertThat(store.find(user.username())).contains(user);
        assertThat(encoder.matches("first", store.findAccount(user.username()).orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void accountLocksAtTheLimitAndUnlocksAfterTheLockout() {
        UserStore store = store();
        String name = createdAccount(store);

        fail(store, name);
        fail(store, name);
        assertThat(store.isLocked(name)).isFalse();
        fail(store, name);
        assertThat(store.isLocked(name)).isTrue();

        clock.advance(LOCKOUT.minusSeconds(1));
        assertThat(store.isLocked(name)).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(store.isLocked(name)).isFalse();
    }

    @Test
    void afterTheLockoutTheFullNumberOfAttemptsIsBack() {
        UserStore store = store();
        String name = createdAccount(store);
        for (int i = 0; i < 3; i++) {
            fail(store, name);
        }
        clock.advance(LOCKOUT.plusSeconds(1));

        fail(store, name);
        fail(store, name);

        assertThat(store.isLocked(name)).isFalse();
    }

    @Test
    void successForgetsEarlierFailures() {
        UserStore store = store();
        String name = createdAccount(store);
        fail(store, name);
        fail(store, name);

        store.recordSuccess(name);
        fail(store, name);
        fail(store, name);

        assertThat(store.isLocked(name)).isFalse();
        assertThat(jdbc.queryForObject("SELECT failed_logins FROM hub_user WHERE username = ?", Integer.class, name))
                .isEqualTo(2);
    }

    @Test
    void lockedUntilIsStoredInUtc() {
        UserStore store = store();
        String name = createdAccount(store);
        for (int i = 0; i < 3; i++) {
            fail(store, name);
        }

        assertThat(store.findAccount(name).orElseThrow().lockedUntil())
                .isEqualTo(Instant.parse("2025-03-01T08:15:00Z"));
    }

    @Test
    void checksUnderWayCountAgainstTheLimitUntilAnswered() {
        UserStore store = store();
        String name = createdAccount(store);

        for (int i = 0; i < 3; i++) {
            assertThat(store.claimAttempt(name)).isEqualTo(UserStore.Claim.CLAIMED);
        }
        assertThat(store.claimAttempt(name)).as("a fourth check while three are under way")
                .isEqualTo(UserStore.Claim.BUSY);
        assertThat(store.lockIfLimitReached(name)).as("the first wrong answer locks").isTrue();
        assertThat(store.claimAttempt(name)).isEqualTo(UserStore.Claim.LOCKED);
        assertThat(store.recordSuccess(name)).as("a right answer of a check begun before the lock").isFalse();
        assertThat(store.isLocked(name)).as("and the lock stays").isTrue();
    }

    @Test
    void failureOfUnknownUserCreatesNoRow() {
        UserStore store = store();
        String name = newName();

        assertThat(store.claimAttempt(name)).isEqualTo(UserStore.Claim.UNKNOWN);
        fail(store, name);
        store.recordSuccess(name);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_user WHERE username = ?", Integer.class, name))
                .isZero();
    }

    /** A wrong password, as LockoutAuthenticationProvider records it: claimed, then answered wrong. */
    private static void fail(UserStore store, String name) {
        store.claimAttempt(name);
        store.lockIfLimitReached(name);
    }

    private static String createdAccount(UserStore store) {
        String name = newName();
        store.create(new HubUser(name, Role.CLERK, "gxj", "测试"), "secret");
        return name;
    }

    private static String newName() {
        return "store-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
