package cn.gov.sd.pilotzone.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/token}: a token for the account that logged in (docs/api-tokens.md). */
@RestController
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Only for a password login (HTTP Basic, or a session): a token renewing itself would let a stolen token live
     * for ever, past a changed password or a lock.
     */
    @PostMapping("/api/token")
    ApiTokens.Issued issue(Authentication authentication) {
        if (authentication instanceof ApiTokens.TokenAuthentication) {
            throw new AccessDeniedException("a token is issued after a password login, not for another token");
        }
        return tokens.issue(authentication.getName());
    }
}
