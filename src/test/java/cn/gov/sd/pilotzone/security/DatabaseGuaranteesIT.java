package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import cn.gov.sd.pilotzone.MariaDb;
import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;
import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the database itself guarantees, on H2 and on MariaDB (HUB_TEST_DB_URL; skipped when unreachable, except
 * under CI=true): demo accounts left by a demo run cannot log in once demo data is off; parallel password checks
 * claim no more than the limit; the audit trail refuses UPDATE and DELETE (a trigger on each database).
 * Each database is a schema of its own, migrated by Flyway as the hub does, not the shared test context's.
 */
@SecurityIntegrationTest
class DatabaseGuaranteesIT {

    private static final String DEMO = "demo";

    @Autowired
    ConfigFiles files;

    @Autowired
    BureauDirectory bureaus;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void demoAccountsOfAnEarlierDemoRunCannotLogInOnceDemoIsOff(String database) {
        JdbcTemplate jdbc = new JdbcTemplate(migrated(database));
        UserStore store = new UserStore(jdbc, encoder, clock, new LockoutSettings(5, Duration.ofMinutes(15)));
        AuditTrail audit = auditOf(jdbc);
        demo(store, audit, true).create();
        try {
            changedByOperations(jdbc, store, audit);
        } finally {
            // MariaDB's hub_test is shared by every suite and kept between runs: czj as the demo data makes it, or
            // the next run's suites that log in as czj are refused
            jdbc.update("UPDATE hub_user SET demo = TRUE, password_hash = ?, failed_logins = 0, locked_until = NULL "
                    + "WHERE username = 'czj'", encoder.encode(DEMO));
        }
    }

    private void changedByOperations(JdbcTemplate jdbc, UserStore store, AuditTrail audit) {
        // as before accounts were marked: gxj made by an earlier demo run; czj of a demo name, its password changed
        jdbc.update("UPDATE hub_user SET demo = FALSE WHERE username IN ('gxj', 'czj')");
        jdbc.update("UPDATE hub_user SET password_hash = ? WHERE username = 'czj'", encoder.encode("changed-by-ops"));
        String operator = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        store.create(new HubUser(operator, Role.ADMIN, null, "运维"), DEMO);

        List<String> disabled = demo(store, audit, false).disable();

        assertThat(disabled).contains("admin", "system", "supervisor", "gxj", "county-370705")
                .doesNotContain("czj", operator);
        LockoutAuthenticationProvider logins = new LockoutAuthenticationProvider(
                new HubUserDetailsService(store, clock), encoder, store, audit, clock);
        for (String name : List.of("admin", "system", "supervisor", "gxj", "county-370705")) {
            assertThatThrownBy(() -> logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name,
                    DEMO))).as(name).isInstanceOf(DisabledException.class);
        }
        assertThat(logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(operator, DEMO))
                .isAuthenticated()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE event_type = 'ACCOUNTS_DISABLED'",
                Integer.class)).isPositive();

        // demo data on again: the demo accounts are back
        demo(store, audit, true).create();
        assertThat(logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", DEMO))
                .isAuthenticated()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void fortyParallelClaimsGetNoMoreThanTheLimit(String database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(migrated(database));
        UserStore store = new UserStore(jdbc, encoder, clock, new LockoutSettings(5, Duration.ofMinutes(15)));
        String name = "claims-" + UUID.randomUUID().toString().substring(0, 8);
        store.create(new HubUser(name, Role.CLERK, "gxj", "测试"), "secret");

        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<UserStore.Claim> claims = new ArrayList<>();
        try {
            List<Future<UserStore.Claim>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit((Callable<UserStore.Claim>) () -> store.claimAttempt(name)));
            }
            for (Future<UserStore.Claim> f : futures) {
                claims.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(claims).filteredOn(c -> c == UserStore.Claim.CLAIMED).hasSize(5);
        assertThat(claims).filteredOn(c -> c == UserStore.Claim.BUSY).hasSize(35);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void theAuditTrailRefusesUpdateAndDeleteThroughPlainJdbc(String database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(migrated(database));
        String target = "append-only-" + UUID.randomUUID();
        auditOf(jdbc).record("tester", AuditType.ADMIN_ACTION, target, "kept");

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET details = 'changed' WHERE target = ?", target))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE target = ?", target))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        // not Spring's template either: a connection of the hub's account, statements as a console would send them
        try (Connection c = jdbc.getDataSource().getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET actor = 'someone else'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE target = ?", String.class, target))
                .isEqualTo("kept");
    }

    private DemoAccounts demo(UserStore store, AuditTrail audit, boolean enabled) {
        return new DemoAccounts(files, bureaus, store, encoder, DEMO, enabled, audit);
    }

    private AuditTrail auditOf(JdbcTemplate jdbc) {
        return new AuditTrail(jdbc, clock);
    }

    private static DataSource migrated(String database) {
        DataSource source;
        // as the hub's flyway locations resolve db/{vendor}
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if ("mariadb".equals(database)) {
            assumeTrue(reachable(), "MariaDB not reachable at " + MariaDb.URL + ": skipped");
            source = new DriverManagerDataSource(MariaDb.URL, MariaDb.USER, MariaDb.PASSWORD);
            locations.add("classpath:db/mysql");
        } else {
            source = new DriverManagerDataSource("jdbc:h2:mem:guarantees-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
            locations.add("classpath:db/h2");
        }
        Flyway.configure().dataSource(source).locations(locations.toArray(String[]::new)).baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        return source;
    }

    private static boolean reachable() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return true;
        }
        try (var c = DriverManager.getConnection(MariaDb.URL, MariaDb.USER, MariaDb.PASSWORD)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
