package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.audit.AuditEntry;
import cn.gov.sd.pilotzone.audit.AuditQuery;
import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;
import cn.gov.sd.pilotzone.common.Utc;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Lock-out through the real login paths (HTTP Basic and the form), each test with an account of its own: failures
 * of both count together, a locked account is refused even with the right password until the lock-out has passed,
 * and no answer tells an unknown name, a wrong password and a locked account apart.
 */
@SecurityIntegrationTest
class LockoutIT {

    private static final String PASSWORD = "right-password";
    /** The login page's alerts, whatever their kind. */
    private static final Pattern ALERT = Pattern.compile("<div class=\"alert[^>]*>[^<]*</div>");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserStore users;

    @Autowired
    LockoutSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    AuditTrail audit;

    @Test
    void accountLocksAfterFiveFailures() throws Exception {
        assertThat(settings.maxFailedLogins()).isEqualTo(5);
        String name = newAccount();

        for (int i = 1; i < 5; i++) {
            failBasic(name);
        }
        assertThat(users.isLocked(name)).as("locked after four failures").isFalse();
        failBasic(name);

        assertThat(users.isLocked(name)).isTrue();
        mvc.perform(get(SecurityProbe.PATH).with(httpBasic(name, PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("authentication required"));
    }

    @Test
    void formLoginOfLockedAccountIsRefusedEvenWithTheRightPassword() throws Exception {
        String name = newAccount();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", name).param("password", "wrong").with(csrf()))
                    .andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(request().sessionAttributeDoesNotExist(WebAttributes.AUTHENTICATION_EXCEPTION));

        assertThat(audit.search(new AuditQuery(name, AuditType.LOGIN_FAILED, null, null, null, 1)))
                .extracting(AuditEntry::details).containsExactly(LockedException.class.getSimpleName());
    }

    @Test
    void failuresOfFormAndBasicCountTogetherAndTheLockHoldsForBoth() throws Exception {
        String name = newAccount();
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/login").param("username", name).param("password", "wrong").with(csrf()))
                    .andExpect(redirectedUrl("/login?error"));
        }
        failBasic(name);
        failBasic(name);

        assertThat(users.isLocked(name)).isTrue();
        mvc.perform(get(SecurityProbe.PATH).with(httpBasic(name, PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void lockedAccountIsRefusedUntilTheLockOutHasPassed() throws Exception {
        String name = newAccount();
        for (int i = 0; i < 5; i++) {
            failBasic(name);
        }
        Instant lockedUntil = jdbc.queryForObject("SELECT locked_until FROM hub_user WHERE username = ?",
                LocalDateTime.class, name).toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(clock.instant(), lockedUntil)).isBetween(settings.lockout().minusMinutes(1),
                settings.lockout());
        mvc.perform(get(SecurityProbe.PATH).with(httpBasic(name, PASSWORD))).andExpect(status().isUnauthorized());

        // as if the fifteen minutes had passed
        jdbc.update("UPDATE hub_user SET locked_until = ? WHERE username = ?",
                Utc.of(clock.instant().minusSeconds(1)), name);

        mvc.perform(get(SecurityProbe.PATH).with(httpBasic(name, PASSWORD))).andExpect(status().isOk());
        mvc.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    /** Unknown name, wrong password, locked account: one answer, so that guessing names learns nothing. */
    @Test
    void answersDoNotRevealWhetherTheAccountExistsOrIsLocked() throws Exception {
        String locked = newAccount();
        for (int i = 0; i < 5; i++) {
            failBasic(locked);
        }
        String existing = newAccount();
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);

        List<String> basic = List.of(basicAnswer(ghost, "wrong"), basicAnswer(existing, "wrong"),
                basicAnswer(locked, PASSWORD), basicAnswer(locked, "wrong"));
        List<String> pages = List.of(loginPageAfter(ghost, "wrong"), loginPageAfter(existing, "wrong"),
                loginPageAfter(locked, PASSWORD));

        assertThat(basic).containsOnly("401 authentication required");
        assertThat(pages).hasSize(3).allSatisfy(p -> assertThat(p).isEqualTo(pages.get(0)));
        assertThat(pages.get(0)).contains("用户名或密码错误");
    }

    private String basicAnswer(String name, String password) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(SecurityProbe.PATH).with(httpBasic(name, password)))
                .andReturn().getResponse();
        return r.getStatus() + " " + json.readTree(r.getContentAsByteArray()).path("message").asText();
    }

    /** The error message of the login page the failed form login leads to. */
    private String loginPageAfter(String name, String password) throws Exception {
        MvcResult failed = mvc.perform(post("/login").param("username", name).param("password", password)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        assertThat(failed.getRequest().getSession(false)).as("a failed login opens no session").isNull();
        String page = mvc.perform(get("/login").param("error", ""))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher alert = ALERT.matcher(page);
        return alert.find() ? alert.group() : "no error shown";
    }

    @Test
    void successfulLoginResetsFailureCount() throws Exception {
        String name = newAccount();
        for (int i = 0; i < 4; i++) {
            failBasic(name);
        }
        mvc.perform(get(SecurityProbe.PATH).with(httpBasic(name, PASSWORD))).andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            failBasic(name);
        }

        assertThat(users.isLocked(name)).isFalse();
        mvc.perform(get(SecurityProbe.PATH).with(httpBasic(name, PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void unknownUsernameCreatesNoRow() throws Exception {
        String name = "ghost-" + UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            failBasic(name);
        }

        assertThat(users.find(name)).isEmpty();
        assertThat(users.isLocked(name)).isFalse();
    }

    private void failBasic(String name) throws Exception {
        mvc.perform(get(SecurityProbe.PATH).with(httpBasic(name, "wrong"))).andExpect(status().isUnauthorized());
    }

    private String newAccount() {
        String name = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(users.create(new HubUser(name, Role.CLERK, "gxj", "测试"), PASSWORD)).isTrue();
        return name;
    }
}
