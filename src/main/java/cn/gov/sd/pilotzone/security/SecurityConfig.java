package cn.gov.sd.pilotzone.security;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.audit.AuditTrail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what (docs/security.md). People log in with a form and keep a session; system accounts and API
 * clients send HTTP Basic on every request. Flowable's REST API is for administrators only, and through
 * {@link FlowableRestGate} only for reading and operating the engine: the REST starter itself checks nothing.
 * The actuator is for administrators and system accounts (Prometheus); the audit trail for administrators.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String LOGIN_PAGE = "/login";

    private static final String[] PUBLIC = {LOGIN_PAGE, "/assets/**", "/webjars/**",
            "/favicon.ico", "/favicon-*.ico", "/error", "/actuator/health", "/actuator/health/**"};
    /**
     * Flowable's two REST servlets, its REST API and the external worker job API (list, acquire, complete, fail
     * jobs) that the REST starter installs alongside it, check nothing themselves; the audit trail is the
     * administrators'.
     */
    private static final String[] ADMIN_ONLY = {"/process-api/**", "/external-job-api/**", "/audit", "/api/audit",
            "/api/audit.*"};
    /** The actuator (metrics for Prometheus): administrators and system accounts. */
    private static final String[] OPERATIONS = {"/actuator/**"};
    /** The dashboard (page, re-process action, JSON) is for those who watch every bureau. */
    private static final String[] SUPERVISION = {"/dashboard", "/dashboard/**", "/api/dashboard", "/api/dashboard/**",
            "/supervision", "/supervision/**"};
    private static final String[] API = {"/api/**", "/process-api/**", "/external-job-api/**", "/actuator/**"};

    /**
     * Requests carrying HTTP Basic credentials and no session. A browser cannot add Basic credentials to a
     * cross-site request on its own (the hub never sends a Basic challenge, see {@link ApiAuthenticationEntryPoint}),
     * so such requests need no CSRF token. "No session" matters: Spring's Basic filter does not check the password
     * again when the header names the user the session is already logged in as, so a session cookie plus a Basic
     * header with any password would otherwise pass as a Basic client and skip the token.
     */
    private static final RequestMatcher BASIC_CREDENTIALS = request -> {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getRequestedSessionId() == null && request.getSession(false) == null;
    };

    /**
     * API requests without a session: a forged cross-site request would carry the victim's session cookie, so
     * without one there is nothing to forge, and the caller deserves a 401 rather than a CSRF 403.
     */
    private static final RequestMatcher NO_SESSION_API = new AndRequestMatcher(paths(API),
            request -> request.getSession(false) == null);

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: stores "{bcrypt}…", so the hash scheme can change later without invalidating accounts
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation around each security filter, authentication and authorization: nothing reads them (requests
     * are still timed as {@code http.server.requests}), and wrapping every filter of every request cost a twentieth
     * of a case page's CPU (README "Performance").
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, ObjectMapper json, Clock clock, AuditTrail audit, ApiTokens tokens)
            throws Exception {
        RequestMatcher apiRequests = new OrRequestMatcher(paths(API),
                request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null);
        ApiAuthenticationEntryPoint apiEntryPoint = new ApiAuthenticationEntryPoint(json, clock);

        // Remember only page visits for after login, and in a cookie: an anonymous visit opens no server session.
        CookieRequestCache pageVisits = new CookieRequestCache();
        pageVisits.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(apiRequests)));

        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths(PUBLIC)).permitAll()
                        .requestMatchers(paths(ADMIN_ONLY)).hasRole(Role.ADMIN.name())
                        .requestMatchers(paths(OPERATIONS)).hasAnyRole(Role.ADMIN.name(), Role.SYSTEM.name())
                        .requestMatchers(paths(SUPERVISION)).hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                // The hub's own login page (ui.LoginPages); Spring Security still processes POST /login
                .formLogin(form -> form.loginPage(LOGIN_PAGE).permitAll().failureHandler(loginFailed()))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                // API tokens (docs/api-tokens.md): Bearer JWTs, no password hash per request
                .oauth2ResourceServer(resourceServer -> tokens.configure(resourceServer, apiEntryPoint))
                // Mapped entry points, matched in order: API requests get a JSON 401, everything else the login page.
                // One denied handler for all: with the resource server's bearer handler as the only default
                // mapping, Spring Security would use it for every request and pages would get an empty 403.
                .exceptionHandling(e -> e
                        .accessDeniedHandler(new AccessDeniedHandlerImpl())
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, apiRequests)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                                AnyRequestMatcher.INSTANCE))
                .requestCache(cache -> cache.requestCache(pageVisits))
                .logout(logout -> logout.permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokens())
                        .ignoringRequestMatchers(BASIC_CREDENTIALS, NO_SESSION_API))
                .addFilterAfter(new FlowableRestGate(json, audit), AuthorizationFilter.class)
                .addFilterAfter(new AdminActions(audit), FlowableRestGate.class);
        return http.build();
    }

    /** Back to the login page with the same message for every reason, and without opening a session to say it. */
    private static SimpleUrlAuthenticationFailureHandler loginFailed() {
        SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler(LOGIN_PAGE + "?error");
        failed.setAllowSessionCreation(false);
        return failed;
    }

    /**
     * Explicit path matchers: Flowable's REST API is a second DispatcherServlet, and with more than one servlet
     * Spring Security refuses plain string patterns because it cannot tell which servlet they belong to.
     */
    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = builder.matcher(patterns[i]);
        }
        return new OrRequestMatcher(matchers);
    }
}
