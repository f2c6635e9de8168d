package cn.gov.sd.pilotzone.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.common.Utc;
import cn.gov.sd.pilotzone.exchange.ExchangeStatus;
import cn.gov.sd.pilotzone.exchange.FeedLog;
import cn.gov.sd.pilotzone.exchange.HubNode;
import cn.gov.sd.pilotzone.registry.TestUscc;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/dashboard}: the numbers, feed health from the folders and the feed log, the re-process action. */
@HubIntegrationTest
@Import(HubClient.class)
class DashboardIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    DashboardService dashboard;

    @Autowired
    ExchangeStatus exchange;

    @Autowired
    HubClient hub;

    @Autowired
    HubNode node;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${hub.data-dir}")
    Path dataDir;

    @Test
    void answersSupervisorsWithTasksAwardsStatusesAndFeeds() {
        ResponseEntity<Map> r = rest.withBasicAuth("supervisor", "demo").getForEntity("/api/dashboard", Map.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = r.getBody();
        assertThat(body).containsKeys("openTasks", "overdueTasks", "tasksByBureau", "awardsByPolicy",
                "applicationsByStatus", "feeds");
        List<Map<String, Object>> statuses = (List<Map<String, Object>>) body.get("applicationsByStatus");
        assertThat(statuses).extracting(s -> s.get("status")).containsExactly("CHECKING", "IN_REVIEW", "CORRECTION",
                "PUBLIC_NOTICE", "PAYING", "PAID", "REJECTED", "WITHDRAWN");
        List<Map<String, Object>> feeds = (List<Map<String, Object>>) body.get("feeds");
        assertThat(feeds).extracting(f -> f.get("feed"))
                .contains("enterprises", "credit-records", "award-applications", "payment-receipts",
                        "payment-instructions", "public-notices", "application-results");
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/dashboard", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void showsThisHubNodeRunningAndASilentNodeAsTakenOver() {
        String silent = UUID.randomUUID().toString();
        Instant beat = Instant.now().minus(Duration.ofMinutes(10));
        jdbc.update("INSERT INTO hub_node (node_id, host, started_at, heartbeat_at) VALUES (?,?,?,?)", silent,
                "gone-host/1", Utc.of(beat), Utc.of(beat));

        assertThat(dashboard.dashboard().nodes())
                .anySatisfy(n -> {
                    assertThat(n.nodeId()).isEqualTo(node.id());
                    assertThat(n.alive()).isTrue();
                })
                .anySatisfy(n -> {
                    assertThat(n.nodeId()).isEqualTo(silent);
                    assertThat(n.alive()).isFalse();
                });
        String page = rest.withBasicAuth("supervisor", "demo").getForObject("/dashboard", String.class);
        assertThat(page).contains("data-node=\"" + node.id() + "\"").contains("gone-host/1");
    }

    @Test
    void countsWaitingFilesFailuresAndPutsAFixedFileBack() throws Exception {
        String name = "dash-" + UUID.randomUUID().toString().substring(0, 8) + ".csv";
        long failedBefore = feed("credit-records").failed();
        hub.drop("credit-records", name, "no,such,columns\n1,2,3\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> feed("credit-records").failed() > failedBefore);
        ExchangeStatus.Feed health = feed("credit-records");
        ExchangeStatus.ErrorFile error = health.errors().stream().filter(e -> e.originalName().equals(name))
                .findFirst().orElseThrow();
        assertThat(error.reason()).contains("uscc");
        assertThat(health.lastFile().fileName()).isEqualTo(name);

        ResponseEntity<Map> clerk = rest.withBasicAuth("gxj", "demo").postForEntity(
                "/api/dashboard/feeds/credit-records/reprocess", Map.of("file", error.storedName()), Map.class);
        assertThat(clerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> unknown = rest.withBasicAuth("supervisor", "demo").postForEntity(
                "/api/dashboard/feeds/no-such-feed/reprocess", Map.of("file", error.storedName()), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // fixed in place (the USCC column was missing), then put back
        Files.writeString(dataDir.resolve("error/credit-records").resolve(error.storedName()),
                "uscc,enterprise_name,record_type,listed_on\n" + TestUscc.next("370705") + ",看板测试有限公司,严重违法失信,2024-01-01\n",
                StandardCharsets.UTF_8);
        ResponseEntity<Map> back = rest.withBasicAuth("supervisor", "demo").postForEntity(
                "/api/dashboard/feeds/credit-records/reprocess", Map.of("file", error.storedName()), Map.class);
        assertThat(back.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(back.getBody()).containsEntry("inbox", name);

        await().atMost(Duration.ofSeconds(30)).until(() -> feed("credit-records").errors().stream()
                .noneMatch(e -> e.storedName().equals(error.storedName()))
                && name.equals(feed("credit-records").lastFile().fileName())
                && feed("credit-records").lastFile().status() != FeedLog.Status.FAILED);
    }

    private ExchangeStatus.Feed feed(String name) {
        return exchange.feeds().stream().filter(f -> f.feed().equals(name)).findFirst().orElseThrow();
    }
}
