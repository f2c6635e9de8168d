package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.AwardApplications.DuplicateApplicationException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A returned application corrected twice at the same moment (two intake workers, two nodes, or the file and the
 * API): the first correction resumes the case, the second waits for it and is refused as an application already
 * known, with that reason; the case is resumed once and holds the first correction's data.
 */
@HubIntegrationTest
@Import(HubClient.class)
class CorrectionRaceIT {

    @Autowired
    HubClient hub;
    @Autowired
    AwardApplications applications;
    @Autowired
    AwardApplicationParser parser;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TaskService taskService;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theSecondOfTwoSimultaneousCorrectionsWaitsAndIsRefusedAsAlreadyKnown() throws Exception {
        Map<String, Object> app = Applications.fresh("TECH_RENOVATION");
        app.put("amounts", Map.of("equipmentInvestment", 3000000));
        String id = (String) app.get("applicationId");
        assertThat(hub.call("system", HttpMethod.POST, "/api/award-applications", app).getStatusCode().value())
                .isEqualTo(201);
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "return", "comment", "请补充设备发票"));
        hub.awaitStatus(id, "CORRECTION");

        app.put("amounts", Map.of("equipmentInvestment", 4000000));
        AwardApplicationForm first = parser.read(json.valueToTree(app));
        app.put("amounts", Map.of("equipmentInvestment", 5000000));
        AwardApplicationForm second = parser.read(json.valueToTree(app));

        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CompletableFuture<Void> firstTx = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            applications.submit(first, AwardApplication.Channel.APPLY, "system");
            firstApplied.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> secondStarted.getCount() == 0);
            // the second is now waiting for this transaction, which commits only after this pause
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        }));
        assertThat(firstApplied.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<AwardApplications.Submitted> secondTx = CompletableFuture.supplyAsync(() -> {
            secondStarted.countDown();
            return applications.submit(second, AwardApplication.Channel.APPLY, "system");
        });
        firstTx.get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> secondTx.get(30, TimeUnit.SECONDS)).cause()
                .isInstanceOf(DuplicateApplicationException.class).hasMessageContaining(id);
        var resumed = hub.awaitStatus(id, "IN_REVIEW");
        assertThat(resumed.path("history").findValuesAsText("step")).containsOnlyOnce("corrected");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).list())
                .extracting(t -> t.getTaskDefinitionKey()).containsExactly("countyReview");
        assertThat(applications.find(id).orElseThrow().payload()).contains("4000000").doesNotContain("5000000");
    }
}
