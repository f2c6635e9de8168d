package cn.gov.sd.pilotzone.security;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The answer to an API client that is not (or wrongly) authenticated: a JSON 401, never a redirect to the login page.
 * <p>
 * It deliberately carries no {@code WWW-Authenticate: Basic} challenge. A browser that sees one prompts, then caches
 * the credentials for the site and sends them with later requests, cross-site ones too; since requests with Basic
 * credentials skip the CSRF check, that would hand CSRF back to an attacker. API clients send their credentials
 * pre-emptively (curl -u, Prometheus' basic_auth) and do not need the challenge.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ObjectMapper json;
    private final Clock clock;

    ApiAuthenticationEntryPoint(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // Same shape as Spring Boot's error responses, which answer the API's other 4xx
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", clock.instant().toString());
        body.put("status", HttpStatus.UNAUTHORIZED.value());
        body.put("error", HttpStatus.UNAUTHORIZED.getReasonPhrase());
        // The same for a locked account as for a wrong password or an unknown name: only existing accounts lock,
        // so "locked" would tell which names exist.
        body.put("message", "authentication required");
        body.put("path", request.getRequestURI());
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
