package cn.gov.sd.pilotzone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A bureau clerk (demo account, password {@code demo}) calling the hub API over HTTP with HTTP Basic. Basic
 * authentication keeps no session, so each request pays one BCrypt check (tens of milliseconds of CPU, on
 * purpose); a clerk's work day is one login and a session, as in the web UI. {@link #login()} opens that session
 * through the login form; requests after it still carry the Basic header (so POSTs need no CSRF token), and Spring
 * Security, finding the same user already authenticated in the session, skips the password check.
 */
final class Clerk {

    private final String username;
    private final String base;
    private final String authorization;
    private final HttpClient http;
    private final HttpClient sessionless = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private boolean cookies = true;

    Clerk(String username, int port) {
        this.username = username;
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** This client as an API client that keeps no cookies: every request authenticates anew. */
    Clerk withoutCookies() {
        cookies = false;
        return this;
    }

    /** Logs in through the login form and keeps the session cookie. */
    Clerk login() {
        String page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + username + "&password=demo&_csrf=" + csrf.group(1);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + r.statusCode() + " " + r.headers());
        }
        return this;
    }

    String username() {
        return username;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return (cookies ? http : sessionless).send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
