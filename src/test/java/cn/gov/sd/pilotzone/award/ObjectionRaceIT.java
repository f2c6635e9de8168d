package cn.gov.sd.pilotzone.award;

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

import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Objections to one application in public notice sent at the same moment (two citizens, a client that sends
 * again): the first sends the case back to city review, every later one waits for it and is told the notice period
 * is over (409), never a 500; the case goes back once.
 */
@HubIntegrationTest
@Import(HubClient.class)
class ObjectionRaceIT {

    private static final int OBJECTIONS = 5;

    @Autowired
    HubClient hub;
    @Autowired
    TaskService taskService;

    @Test
    void oneOfSeveralSimultaneousObjectionsReturnsTheCaseAndTheOthersAreRefusedWithTheReason() throws Exception {
        Map<String, Object> app = Applications.fresh("TECH_RENOVATION");
        app.put("amounts", Map.of("equipmentInvestment", 3000000));
        String id = (String) app.get("applicationId");
        assertThat(hub.call("system", HttpMethod.POST, "/api/award-applications", app).getStatusCode().value())
                .isEqualTo(201);
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve"));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve"));
        hub.decide("czj", id, "financeReview", Map.of("decision", "approve"));
        hub.awaitStatus(id, "PUBLIC_NOTICE");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(OBJECTIONS);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < OBJECTIONS; i++) {
                int n = i;
                answers.add(senders.submit(() -> {
                    start.await();
                    return hub.call("system", HttpMethod.POST, "/api/award-applications/" + id + "/objections",
                            Map.of("reason", "异议" + n + "：金额过高"));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (Future<ResponseEntity<String>> a : answers) {
                ResponseEntity<String> r = a.get();
                statuses.add(r.getStatusCode().value());
                if (r.getStatusCode().value() == 409) {
                    refusals.add(r.getBody());
                }
            }
            assertThat(statuses).as("answers %s", statuses).containsOnlyOnce(201).allMatch(s -> s == 201 || s == 409);
            assertThat(refusals).allMatch(b -> b.contains("public notice"));
        } finally {
            senders.shutdownNow();
        }
        hub.awaitTask("gxj", id, "cityReview");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).count()).as("back once").isEqualTo(1);
    }
}
