package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;

/** Lock-out through the real login paths (HTTP Basic and the form), each test with an account of its own. */
@SecurityIntegrationTest
class LockoutIT {

    private static final String PASSWORD = "right-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserStore users;

    @Autowired
    LockoutSettings settings;

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
                .andExpect(jsonPath("$.message").value("account locked"));
    }

    @Test
    void formLoginOfLockedAccountSaysLocked() throws Exception {
        String name = newAccount();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", name).param("password", "wrong").with(csrf()))
                    .andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(request().sessionAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                        instanceOf(LockedException.class)));
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
