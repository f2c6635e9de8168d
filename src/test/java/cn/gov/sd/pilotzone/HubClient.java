package cn.gov.sd.pilotzone;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the tests do as the hub's users: bureau clerks through the API (HTTP Basic, demo password), other systems
 * through the exchange folders. Files are written under a temp name and renamed, as a well-behaved system would.
 */
@Component
@Lazy // the server port is known only once the server has started
public class HubClient {

    public static final Duration WAIT = Duration.ofSeconds(90); // generous: CI machines are shared and slow

    private final ObjectMapper json = new ObjectMapper();
    private final Path dataDir;
    private final TestRestTemplate rest;

    public HubClient(@Value("${hub.data-dir}") String dataDir, @LocalServerPort int port) {
        this.dataDir = Path.of(dataDir);
        this.rest = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + port));
    }

    public Path dataDir() {
        return dataDir;
    }

    public ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        return call(user, method, path, body, null);
    }

    public ResponseEntity<String> call(String user, HttpMethod method, String path, Object body, String language) {
        HttpHeaders headers = new HttpHeaders();
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
        return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    public JsonNode getJson(String user, String path) {
        ResponseEntity<String> r = call(user, HttpMethod.GET, path, null);
        if (!r.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("GET " + path + " as " + user + ": " + r.getStatusCode() + " " + r.getBody());
        }
        return read(r.getBody());
    }

    public JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode application(String user, String applicationId) {
        return getJson(user, "/api/award-applications/" + applicationId);
    }

    public JsonNode awaitStatus(String applicationId, String status) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> application("admin", applicationId), a -> status.equals(a.path("status").asText()));
    }

    /** The open task of an application at a step, as the given clerk sees it (fails if they never see it). */
    public String awaitTask(String user, String applicationId, String taskDefinitionKey) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> findTask(user, applicationId, taskDefinitionKey), Optional::isPresent).get();
    }

    public Optional<String> findTask(String user, String businessKey, String taskDefinitionKey) {
        for (JsonNode t : getJson(user, "/api/tasks?size=500")) {
            if (businessKey.equals(t.path("businessKey").asText())
                    && taskDefinitionKey.equals(t.path("taskDefinitionKey").asText())) {
                return Optional.of(t.path("id").asText());
            }
        }
        return Optional.empty();
    }

    public ResponseEntity<String> complete(String user, String taskId, Map<String, Object> form) {
        return call(user, HttpMethod.POST, "/api/tasks/" + taskId + "/complete", form);
    }

    /** Completes the application's task at that step as that clerk, asserting 204. */
    public void decide(String user, String applicationId, String step, Map<String, Object> form) {
        ResponseEntity<String> r = complete(user, awaitTask(user, applicationId, step), form);
        if (r.getStatusCode().value() != 204) {
            throw new AssertionError(step + " as " + user + ": " + r.getStatusCode() + " " + r.getBody());
        }
    }

    public Path drop(String feed, String fileName, String content) {
        return drop(feed, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path drop(String feed, String fileName, String content, Charset charset) {
        return drop(feed, fileName, content.getBytes(charset));
    }

    public Path drop(String feed, String fileName, byte[] content) {
        try {
            Path inbox = Files.createDirectories(dataDir.resolve("inbox").resolve(feed));
            Path tmp = inbox.resolve("." + fileName + ".part");
            Files.write(tmp, content);
            // written in full and renamed, as a sender should: older than the quiet period, taken at once
            Files.setLastModifiedTime(tmp, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            return Files.move(tmp, inbox.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archived or rejected copy of a dropped file (names carry a time-stamp prefix). */
    public Path awaitIn(String folder, String feed, String fileName) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> find(folder, feed, fileName), Optional::isPresent).get();
    }

    public Optional<Path> find(String folder, String feed, String fileName) {
        Path dir = dataDir.resolve(folder).resolve(feed);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith("_" + fileName)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Path> files(String folder, String feed) {
        Path dir = dataDir.resolve(folder).resolve(feed);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String errorReport(Path rejectedFile) {
        try {
            return Files.readString(rejectedFile.resolveSibling(rejectedFile.getFileName() + ".error.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
