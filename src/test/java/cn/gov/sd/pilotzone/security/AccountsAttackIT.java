package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.audit.AuditEntry;
import cn.gov.sd.pilotzone.audit.AuditQuery;
import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;

import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Accounts under attack, over real HTTP: parallel password guesses, anonymous clients piling up sessions, and the
 * health endpoint's details.
 */
@SecurityIntegrationTest
class AccountsAttackIT {

    private static final String PASSWORD = "right-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    UserStore users;

    @Autowired
    LockoutSettings settings;

    @Autowired
    AuditTrail audit;

    @Autowired
    ServletWebServerApplicationContext server;

    @Test
    void fortyParallelGuessesGetNoMoreChecksThanTheLimitAndLockTheAccount() throws Exception {
        String name = newAccount();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String guess = "guess-" + i;
                answers.add(pool.submit((Callable<Integer>) () -> probe(name, guess)));
            }
            for (Future<Integer> a : answers) {
                assertThat(a.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(users.isLocked(name)).isTrue();
        List<AuditEntry> failures = audit.search(new AuditQuery(name, AuditType.LOGIN_FAILED, null, null, null, 100));
        assertThat(failures).hasSize(40);
        assertThat(failures).filteredOn(e -> "BadCredentialsException".equals(e.details()))
                .as("passwords actually checked").hasSizeLessThanOrEqualTo(settings.maxFailedLogins());
        assertThat(audit.search(new AuditQuery(name, AuditType.LOCKED_OUT, null, null, null, 10))).hasSize(1);

        // the right password during the lock-out: refused, and the lock stays
        assertThat(probe(name, PASSWORD)).isEqualTo(401);
        assertThat(loginForm(name, PASSWORD).getHeaders().getLocation().toString()).endsWith("/login?error");
        assertThat(users.isLocked(name)).isTrue();
    }

    @Test
    void parallelRightPasswordsAllGetIn() throws Exception {
        String name = newAccount();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit((Callable<Integer>) () -> probe(name, PASSWORD)));
            }
            for (Future<Integer> a : answers) {
                assertThat(a.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(users.isLocked(name)).isFalse();
    }

    @Test
    void anonymousVisitsOfTheLoginPageOpenNoSessions() {
        int before = activeSessions();
        for (int i = 0; i < 20; i++) {
            ResponseEntity<String> page = rest.getForEntity("/login", String.class);
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            assertThat(setCookies(page)).noneMatch(c -> c.startsWith("JSESSIONID"));
        }
        // and a page that asks for a login, and a failed login
        ResponseEntity<String> tasks = rest.exchange("/tasks", HttpMethod.GET, html(), String.class);
        assertThat(setCookies(tasks)).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(setCookies(loginForm("gxj", "wrong"))).noneMatch(c -> c.startsWith("JSESSIONID"));

        assertThat(activeSessions()).isEqualTo(before);
    }

    @Test
    void theLoginFormStillWorksAndThenOpensASession() {
        ResponseEntity<String> login = loginForm("gxj", "demo");

        assertThat(login.getHeaders().getLocation().getPath()).isEqualTo("/");
        assertThat(setCookies(login)).anyMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(audit.search(new AuditQuery("gxj", AuditType.LOGIN, null, null, null, 5))).isNotEmpty();
    }

    @Test
    void healthShowsItsDetailsOnlyToAdministrators() throws Exception {
        assertThat(json.readTree(rest.getForEntity("/actuator/health", String.class).getBody()).has("components"))
                .as("anonymous").isFalse();
        for (String account : List.of("system", "supervisor", "gxj")) {
            String body = rest.withBasicAuth(account, "demo").getForEntity("/actuator/health", String.class).getBody();
            assertThat(json.readTree(body).has("components")).as(account).isFalse();
        }
        String admin = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health", String.class).getBody();
        assertThat(json.readTree(admin).path("components").has("db")).as("admin").isTrue();
    }

    /** GET /login, then POST it with the page's token and cookies, as a browser does (no redirect followed). */
    private ResponseEntity<String> loginForm(String name, String password) {
        ResponseEntity<String> page = rest.getForEntity("/login", String.class);
        Matcher token = CSRF.matcher(page.getBody());
        assertThat(token.find()).isTrue();
        String cookies = String.join("; ", setCookies(page).stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
        String form = "username=" + name + "&password=" + password + "&_csrf=" + token.group(1);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/login"))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (!cookies.isEmpty()) {
            post.header(HttpHeaders.COOKIE, cookies);
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(post.build(), HttpResponse.BodyHandlers.ofString());
            HttpHeaders headers = new HttpHeaders();
            r.headers().map().forEach(headers::addAll);
            return new ResponseEntity<>(r.body(), headers, r.statusCode());
        } catch (Exception e) {
            throw new AssertionError("login form", e);
        }
    }

    private int probe(String name, String password) {
        return rest.withBasicAuth(name, password).getForEntity(SecurityProbe.PATH, String.class).getStatusCode()
                .value();
    }

    private static HttpEntity<Void> html() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return new HttpEntity<>(headers);
    }

    private static List<String> setCookies(ResponseEntity<?> r) {
        List<String> cookies = r.getHeaders().get(HttpHeaders.SET_COOKIE);
        return cookies == null ? List.of() : cookies;
    }

    private int activeSessions() {
        TomcatWebServer tomcat = (TomcatWebServer) server.getWebServer();
        Context context = (Context) tomcat.getTomcat().getHost().findChildren()[0];
        return context.getManager().getActiveSessions();
    }

    private String newAccount() {
        String name = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(users.create(new HubUser(name, Role.CLERK, "gxj", "测试"), PASSWORD)).isTrue();
        return name;
    }
}
