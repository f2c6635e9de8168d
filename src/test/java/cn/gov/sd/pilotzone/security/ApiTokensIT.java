package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * API tokens through the hub's real filter chain (docs/api-tokens.md): one Basic login buys a token that then
 * authenticates as that account, with its role and bureau; expired, forged, foreign and renewed tokens are refused,
 * and a lock of the account stops its token at once.
 */
@SecurityIntegrationTest
class ApiTokensIT {

    private static final String PASSWORD = "token-password";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserStore users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void basicLoginGetsATokenThatAuthenticatesAsTheAccountWithItsBureau() throws Exception {
        String name = newClerk("czj");
        JsonNode issued = json.readTree(mvc.perform(post("/api/token").with(httpBasic(name, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(issued.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(issued.get("expires_in").asLong()).isEqualTo(Duration.ofMinutes(15).toSeconds());

        mvc.perform(get(SecurityProbe.PATH).header(HttpHeaders.AUTHORIZATION, bearer(issued.get("access_token").asText())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.role").value("CLERK"))
                .andExpect(jsonPath("$.bureauCode").value("czj"))
                .andExpect(jsonPath("$.candidateGroups[0]").value("czj"));
    }

    @Test
    void aClerksTokenKeepsTheClerksScope() throws Exception {
        String token = tokens.issue(newClerk("gxj")).accessToken();
        // the dashboard is for supervisors and administrators: a clerk's token does not open it
        mvc.perform(get("/api/dashboard").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/process-api/repository/deployments").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isForbidden());
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        String name = newClerk("gxj");
        String expired = tokens.sign(tokens.claims(name, Instant.now().minus(Duration.ofHours(1))).build());
        mvc.perform(get(SecurityProbe.PATH).header(HttpHeaders.AUTHORIZATION, bearer(expired)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        String name = newClerk("gxj");
        byte[] otherKey = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        NimbusJwtEncoder forger = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(otherKey, "HmacSHA256")));
        String forged = forger.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                tokens.claims(name, Instant.now()).build())).getTokenValue();
        mvc.perform(get(SecurityProbe.PATH).header(HttpHeaders.AUTHORIZATION, bearer(forged)))
                .andExpect(status().isUnauthorized());
        // nor does a token whose signature was cut off
        String token = tokens.issue(name).accessToken();
        String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
        mvc.perform(get(SecurityProbe.PATH).header(HttpHeaders.AUTHORIZATION, bearer(unsigned)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokenForAnotherAudienceOrIssuerIsRefused() throws Exception {
        String name = newClerk("gxj");
        String otherAudience = tokens.sign(tokens.claims(name, Instant.now()).audience(List.of("another-system"))
                .build());
        mvc.perform(get(SecurityProbe.PATH).header(HttpHeaders.AUTHORIZATION, bearer(otherAudience)))
                .andExpect(status().isUnauthorized());
        String otherIssuer = tokens.sign(tokens.claims(name, Instant.now()).issuer("another-system").build());
        mvc.perform(get(SecurityProbe.PATH).header(HttpHeaders.AUTHORIZATION, bearer(otherIssuer)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokenOfALockedOrUnknownAccountIsRefused() throws Exception {
        String name = newClerk("gxj");
        String token = tokens.issue(name).accessToken();
        jdbc.update("UPDATE hub_user SET locked_until = ? WHERE username = ?",
                LocalDateTime.now(ZoneOffset.UTC).plusHours(1), name);
        mvc.perform(get(SecurityProbe.PATH).header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(SecurityProbe.PATH).header(HttpHeaders.AUTHORIZATION,
                bearer(tokens.issue("nobody-" + UUID.randomUUID()).accessToken())))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenDoesNotBuyAnotherToken() throws Exception {
        String token = tokens.issue(newClerk("gxj")).accessToken();
        mvc.perform(post("/api/token").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isForbidden());
    }

    @Test
    void wrongPasswordGetsNoToken() throws Exception {
        mvc.perform(post("/api/token").with(httpBasic(newClerk("gxj"), "wrong")))
                .andExpect(status().isUnauthorized());
    }

    private String newClerk(String bureau) {
        String name = "token-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(users.create(new HubUser(name, Role.CLERK, bureau, "测试"), PASSWORD)).isTrue();
        return name;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
