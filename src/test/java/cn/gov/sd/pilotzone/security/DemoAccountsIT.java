package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@SecurityIntegrationTest
class DemoAccountsIT {

    @Autowired
    UserStore users;

    @Autowired
    BureauDirectory bureaus;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void demoUsersFileAccountsExistOnceTheContextIsUp() {
        assertThat(users.find("admin")).contains(new HubUser("admin", Role.ADMIN, null, "系统管理员"));
        assertThat(users.find("supervisor"))
                .contains(new HubUser("supervisor", Role.SUPERVISOR, "supervisor", "督导员"));
        assertThat(users.find("system")).contains(new HubUser("system", Role.SYSTEM, null, "系统对接账号"));
    }

    @Test
    void everyBureauButSupervisionHasAClerkNamedByItsCode() {
        for (Bureau b : bureaus.all()) {
            if ("supervision".equals(b.type())) {
                continue;
            }
            assertThat(users.find(b.code())).as(b.code())
                    .contains(new HubUser(b.code(), Role.CLERK, b.code(), b.name() + "经办人"));
        }
        assertThat(users.find("county-370705").orElseThrow().displayName()).isEqualTo("奎文区工信局经办人");
    }

    @Test
    void supervisionTeamGetsNoClerk() {
        assertThat(users.find("supervisor").orElseThrow().role()).isEqualTo(Role.SUPERVISOR);
    }

    @Test
    void creatingAgainChangesNothing() {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM hub_user", Integer.class);

        demo.create();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_user", Integer.class)).isEqualTo(before);
    }

    @Test
    void aSecondNodeLosingTheInsertRaceIsFine() {
        HubUser gxj = users.find("gxj").orElseThrow();

        assertThat(users.insert(gxj, "{noop}other")).isFalse();
    }
}
