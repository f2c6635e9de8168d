package cn.gov.sd.pilotzone.security;

import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A hub API endpoint owned by the tests, so that they do not depend on other packages' controllers. A
 * {@code @TestComponent}, so component scanning leaves it out of other packages' test contexts.
 */
@TestComponent
@RestController
class SecurityProbe {

    static final String PATH = "/api/security-probe";

    @GetMapping(PATH)
    Map<String, Object> whoAmI(Caller caller) {
        return Map.of("username", caller.username(), "role", caller.role().name(),
                "bureauCode", String.valueOf(caller.bureauCode()), "candidateGroups", caller.candidateGroups());
    }

    @PostMapping(PATH)
    Map<String, Object> change(Caller caller) {
        return whoAmI(caller);
    }
}
