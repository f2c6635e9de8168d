package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Flowable's REST API is a separate servlet, so these go over HTTP instead of through MockMvc. */
@SecurityIntegrationTest
class FlowableRestSecurityIT {

    private static final String DEFINITIONS = "/process-api/repository/process-definitions";

    @Autowired
    TestRestTemplate rest;

    @Test
    void anonymousCallToFlowableRestGets401() {
        assertThat(rest.getForEntity(DEFINITIONS, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongPasswordOnFlowableRestGets401() {
        assertThat(get("tjj", "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void clerkCannotUseFlowableRest() {
        assertThat(get("gxj", "demo").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void supervisorCannotUseFlowableRest() {
        assertThat(get("supervisor", "demo").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void adminCanUseFlowableRest() {
        ResponseEntity<String> answer = get("admin", "demo");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("\"data\"");
    }

    /** System accounts use the hub API (docs/security.md). */
    @Test
    void systemAccountCannotUseFlowableRest() {
        assertThat(get("system", "demo").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> get(String username, String password) {
        return rest.withBasicAuth(username, password).getForEntity(DEFINITIONS, String.class);
    }
}
