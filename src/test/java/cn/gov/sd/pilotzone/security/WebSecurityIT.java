package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SecurityIntegrationTest
class WebSecurityIT {

    private static final String DEMO = "demo";

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousApiCallGets401AsJsonWithoutRedirect() throws Exception {
        MvcResult result = mvc.perform(get(SecurityProbe.PATH))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.path").value(SecurityProbe.PATH))
                .andReturn();

        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).isNull();
        // no Basic challenge, or browsers would prompt and cache credentials (see ApiAuthenticationEntryPoint)
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void anonymousApiCallToUnknownPathGets401NotRedirect() throws Exception {
        mvc.perform(get("/api/no-such-thing").accept(MediaType.TEXT_HTML)).andExpect(status().isUnauthorized());
    }

    @Test
    void anonymousPageVisitRedirectsToLogin() throws Exception {
        mvc.perform(get("/tasks").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void loginPageIsPublic() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void healthIsPublic() throws Exception {
        int status = mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus();
        // 200 or 503 depending on the components' health, but never an authentication answer
        assertThat(status).isIn(200, 503);
    }

    @Test
    void clerkApiCallSeesOwnBureau() throws Exception {
        mvc.perform(get(SecurityProbe.PATH).with(httpBasic("gxj", DEMO)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("gxj"))
                .andExpect(jsonPath("$.role").value("CLERK"))
                .andExpect(jsonPath("$.bureauCode").value("gxj"))
                .andExpect(jsonPath("$.candidateGroups[0]").value("gxj"));
    }

    @Test
    void wrongPasswordOnApiGets401() throws Exception {
        mvc.perform(get(SecurityProbe.PATH).with(httpBasic("fgw", "not-the-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void basicAuthClientPostsWithoutCsrfToken() throws Exception {
        mvc.perform(post(SecurityProbe.PATH).with(httpBasic("gxj", DEMO)))
                .andExpect(status().isOk());
    }

    @Test
    void formLoginWithDemoPasswordRedirectsHome() throws Exception {
        mvc.perform(post("/login").param("username", "gxj").param("password", DEMO).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void formLoginWithWrongPasswordReturnsToLoginWithError() throws Exception {
        mvc.perform(post("/login").param("username", "kjj").param("password", "wrong").with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void formLoginWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "gxj").param("password", DEMO))
                .andExpect(status().isForbidden());
    }

    @Test
    void loggedInBrowserPostToApiWithoutCsrfTokenIsRefused() throws Exception {
        MockHttpSession session = logIn("gxj");

        mvc.perform(post(SecurityProbe.PATH).session(session)).andExpect(status().isForbidden());
    }

    @Test
    void loggedInBrowserPostToApiWithCsrfTokenIsAccepted() throws Exception {
        MockHttpSession session = logIn("gxj");

        mvc.perform(post(SecurityProbe.PATH).session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bureauCode").value("gxj"));
    }

    @Test
    void sessionCarriesTheCallersBureau() throws Exception {
        MockHttpSession session = logIn("county-370705");

        mvc.perform(get(SecurityProbe.PATH).session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bureauCode").value("county-370705"));
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        MockHttpSession session = logIn("gxj");

        mvc.perform(post("/logout").session(session).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get(SecurityProbe.PATH).session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void clerkCannotReadActuatorMetrics() throws Exception {
        mvc.perform(get("/actuator/metrics").with(httpBasic("gxj", DEMO))).andExpect(status().isForbidden());
    }

    @Test
    void supervisorCannotReadActuatorMetrics() throws Exception {
        mvc.perform(get("/actuator/metrics").with(httpBasic("supervisor", DEMO)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anonymousActuatorCallGets401() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }

    @Test
    void systemAccountScrapesPrometheus() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(httpBasic("system", DEMO)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("text/plain")));
    }

    @Test
    void adminReadsActuatorMetrics() throws Exception {
        mvc.perform(get("/actuator/metrics").with(httpBasic("admin", DEMO))).andExpect(status().isOk());
    }

    private MockHttpSession logIn(String username) throws Exception {
        MvcResult login = mvc.perform(post("/login").param("username", username).param("password", DEMO)
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }
}
