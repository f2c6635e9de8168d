package cn.gov.sd.pilotzone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bureau clerk (demo account, password {@code demo}) calling the hub API over HTTP with HTTP Basic. Basic
 * authentication keeps no session, so each request pays one BCrypt check (tens of milliseconds of CPU, on
 * purpose); a clerk's work day is one login and a session, as in the web UI. {@link #login()} opens that session
 * through the login form and takes the session's CSRF token from a page, as the browser has it; requests after it
 * still carry the Basic header, and Spring Security, finding the same user already authenticated in the session,
 * skips the password check. POSTs send the token: with a session, Basic requests are not exempt from CSRF.
 * <p>
 * All clerks share one HTTP client (its own selector thread and buffers would otherwise count, per clerk, in the
 * memory figure, which is meant for the hub); each keeps its own session cookie.
 */
final class Clerk {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern XSRF_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]*)");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String username;
    private final String base;
    private volatile String authorization;
    private volatile String session;
    private volatile String csrfCookie;
    private volatile String csrfToken;

    Clerk(String username, int port) {
        this.username = username;
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** Logs in through the login form and keeps the session cookie. */
    Clerk login() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + username + "&password=demo&_csrf=" + csrf.group(1);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")
                || session == null) {
            throw new IllegalStateException("login of " + username + " failed: " + r.statusCode() + " " + r.headers());
        }
        Matcher token = CSRF.matcher(send(HttpRequest.newBuilder(URI.create(base + "/tasks")).GET()).body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the task list of " + username);
        }
        csrfToken = token.group(1);
        return this;
    }

    /**
     * Trades the password for an API token (docs/api-tokens.md): one Basic request to {@code POST /api/token},
     * then every request carries the token instead, and no session is kept.
     */
    Clerk withToken() {
        HttpResponse<String> r = send(request("/api/token").POST(HttpRequest.BodyPublishers.noBody()));
        Matcher token = ACCESS_TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token for " + username + ": " + r.statusCode() + " " + r.body());
        }
        authorization = "Bearer " + token.group(1);
        return this;
    }

    String username() {
        return username;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        if (csrfToken != null) {
            request.header("X-CSRF-TOKEN", csrfToken);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** API paths take JSON; pages (a case page) HTML, as a browser asks. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization)
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        // Before the login the CSRF token lives in a cookie (the hub opens no session for anonymous visitors)
        String cookies = (session == null ? "" : "JSESSIONID=" + session + "; ")
                + (csrfCookie == null ? "" : "XSRF-TOKEN=" + csrfCookie);
        if (!cookies.isBlank()) {
            request.header("Cookie", cookies.strip());
        }
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            r.headers().allValues("Set-Cookie").forEach(c -> {
                Matcher m = SESSION.matcher(c);
                if (m.find()) {
                    session = m.group(1);
                }
                Matcher x = XSRF_COOKIE.matcher(c);
                if (x.find()) {
                    csrfCookie = x.group(1);
                }
            });
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
