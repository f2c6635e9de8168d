package cn.gov.sd.pilotzone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.award.Applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Award application files as the portal drops them, and the checks every fault test makes afterwards: each file
 * archived or in error/ with a reason, none left; each application with exactly one process instance; each
 * payment instruction in exactly one outbox file.
 */
final class AwardWorkload {

    static final String FEED = "award-applications";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REVIEWERS = List.of("county-370705", "gxj", "czj");

    private final Path dataDir;
    private final List<String> ids = new ArrayList<>();

    AwardWorkload(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Writes n new applications into the inbox, each under a hidden name first and renamed, as a portal should. */
    List<String> drop(int n) {
        List<String> dropped = new ArrayList<>();
        try {
            Path inbox = Files.createDirectories(dataDir.resolve("inbox").resolve(FEED));
            for (int i = 0; i < n; i++) {
                Map<String, Object> application = Applications.fresh("STANDARD_NATIONAL");
                String id = (String) application.get("applicationId");
                Path temp = inbox.resolve("." + id + ".json.tmp");
                Files.write(temp, JSON.writeValueAsBytes(application));
                Files.move(temp, inbox.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
                dropped.add(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ids.addAll(dropped);
        return dropped;
    }

    List<String> ids() {
        return List.copyOf(ids);
    }

    long archived() {
        return files("archive").count();
    }

    long rejected() {
        return files("error").filter(f -> !f.endsWith(".error.txt")).count();
    }

    long waiting() {
        return files("inbox").filter(f -> !f.startsWith(".")).count();
    }

    /** Until every dropped file is archived or rejected. */
    void awaitSettled(Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (archived() + rejected() < ids.size() || waiting() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not settled within " + atMost + ": " + archived() + " archived, "
                        + rejected() + " rejected, " + waiting() + " waiting of " + ids.size());
            }
            HubProcess.sleep(Duration.ofMillis(500));
        }
    }

    /** Nothing lost, nothing twice: every file settled, every rejection explained, one process per application. */
    void assertEachFileOnceAndEachApplicationOnce() throws SQLException {
        assertThat(waiting()).as("files left in the inbox").isZero();
        assertThat(archived() + rejected()).as("files archived or rejected").isEqualTo(ids.size());
        files("error").filter(f -> !f.endsWith(".error.txt"))
                .forEach(f -> assertThat(dataDir.resolve("error").resolve(FEED).resolve(f + ".error.txt")).exists());
        Set<String> archivedIds = new HashSet<>();
        files("archive").forEach(f -> assertThat(archivedIds.add(f.substring(f.indexOf('_') + 1)))
                .as("archived once: " + f).isTrue());
        Map<String, Integer> instances = FaultDatabase.query(jdbc -> {
            Map<String, Integer> counts = new HashMap<>();
            jdbc.query("SELECT BUSINESS_KEY_, COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_ID_ LIKE 'awardApplication:%' "
                    + "GROUP BY BUSINESS_KEY_", rs -> {
                counts.put(rs.getString(1), rs.getInt(2));
            });
            return counts;
        });
        for (String id : ids) {
            boolean archivedFile = archivedIds.contains(id + ".json");
            assertThat(instances.getOrDefault(id, 0)).as("process instances of " + id)
                    .isEqualTo(archivedFile ? 1 : 0);
        }
    }

    /**
     * Completes the three reviews of the given applications on a hub, as its clerks: each pass takes every open
     * review task of them. Returns when all are past the reviews; throws when the hub dies meanwhile.
     */
    void review(HubProcess hub, Set<String> applicationIds, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (!pastReviews(hub, applicationIds)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("reviews not done within " + atMost);
            }
            for (String clerk : REVIEWERS) {
                for (String task : tasksOf(hub, clerk, applicationIds)) {
                    hub.post(clerk, "/api/tasks/" + task + "/complete", "{\"decision\":\"approve\",\"comment\":\"同意\"}");
                }
            }
            HubProcess.sleep(Duration.ofMillis(300));
        }
    }

    /** The clerk's open tasks of these applications, over all pages of the task list. */
    private static List<String> tasksOf(HubProcess hub, String clerk, Set<String> applicationIds) {
        List<String> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode tasks = json(hub.get(clerk, "/api/tasks?size=500&page=" + page).body());
            tasks.forEach(task -> {
                if (applicationIds.contains(task.path("businessKey").asText())) {
                    found.add(task.path("id").asText());
                }
            });
            if (tasks.size() < 500) {
                return found;
            }
        }
    }

    private static boolean pastReviews(HubProcess hub, Set<String> applicationIds) {
        return applicationIds.stream().allMatch(id -> {
            String status = json(hub.get("system", "/api/award-applications/" + id).body()).path("status").asText();
            return Set.of("PUBLIC_NOTICE", "PAYING", "PAID").contains(status);
        });
    }

    /** Each application's payment instruction: once in the database as ISSUED, once in the outbox files. */
    void assertEachPaymentOnce(Set<String> applicationIds, Duration atMost) throws Exception {
        Instant deadline = Instant.now().plus(atMost);
        Map<String, List<String>> paymentsByApplication;
        while (true) {
            paymentsByApplication = outboxPayments();
            if (paymentsByApplication.keySet().containsAll(applicationIds) || Instant.now().isAfter(deadline)) {
                break;
            }
            HubProcess.sleep(Duration.ofSeconds(1));
        }
        assertThat(paymentsByApplication.keySet()).as("applications with a payment instruction")
                .containsAll(applicationIds);
        for (String id : applicationIds) {
            assertThat(paymentsByApplication.get(id)).as("payment instructions of " + id).hasSize(1);
        }
        Map<String, Integer> issued = FaultDatabase.query(jdbc -> {
            Map<String, Integer> counts = new HashMap<>();
            jdbc.query("SELECT application_id, COUNT(*) FROM payment_instruction GROUP BY application_id",
                    rs -> {
                        counts.put(rs.getString(1), rs.getInt(2));
                    });
            return counts;
        });
        applicationIds.forEach(id -> assertThat(issued.get(id)).as("payment rows of " + id).isEqualTo(1));
    }

    /** application_id → payment_ids over all instruction files (a batch written again keeps its file name). */
    private Map<String, List<String>> outboxPayments() throws IOException {
        Map<String, List<String>> byApplication = new HashMap<>();
        Path outbox = dataDir.resolve("outbox").resolve("payment-instructions");
        if (!Files.isDirectory(outbox)) {
            return byApplication;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",");
                    byApplication.computeIfAbsent(cells[header.indexOf("application_id")], k -> new ArrayList<>())
                            .add(cells[header.indexOf("payment_id")]);
                }
            }
        }
        return byApplication;
    }

    private Stream<String> files(String folder) {
        Path dir = dataDir.resolve(folder).resolve(FEED);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }
}
