package cn.gov.sd.pilotzone.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.Applications;

import org.flowable.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * One task completed by several requests at the same moment (a double click, a client that sends again, two
 * browser tabs): one completes it, every other is told the task is no longer theirs (404), never a 500, and the
 * case moves on once.
 */
@HubIntegrationTest
@Import(HubClient.class)
class SameTaskTwiceIT {

    private static final int REQUESTS = 6;

    @Autowired
    HubClient hub;
    @Autowired
    HistoryService history;

    @Test
    void oneOfSeveralSimultaneousCompletionsWinsAndTheOthersAreToldTheTaskIsGone() throws Exception {
        Map<String, Object> app = Applications.fresh("TECH_RENOVATION");
        app.put("amounts", Map.of("equipmentInvestment", 3000000));
        String id = (String) app.get("applicationId");
        assertThat(hub.call("system", HttpMethod.POST, "/api/award-applications", app).getStatusCode().value())
                .isEqualTo(201);
        String task = hub.awaitTask("county-370705", id, "countyReview");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return hub.complete("county-370705", task, Map.of("decision", "approve", "comment", "同意"));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ResponseEntity<String>> a : answers) {
                statuses.add(a.get().getStatusCode().value());
            }
            assertThat(statuses).as("answers %s", statuses).containsOnlyOnce(204)
                    .allMatch(s -> s == 204 || s == 404);
        } finally {
            clients.shutdownNow();
        }
        hub.awaitTask("gxj", id, "cityReview");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey("countyReview").count()).as("county review done once").isEqualTo(1);
    }
}
