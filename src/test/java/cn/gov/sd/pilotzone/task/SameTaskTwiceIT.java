package cn.gov.sd.pilotzone.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.AtOnce;
import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.Applications;

import org.flowable.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

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

        List<Integer> statuses = AtOnce.run(REQUESTS, n -> hub.complete("county-370705", task,
                Map.of("decision", "approve", "comment", "同意"))).stream().map(r -> r.getStatusCode().value()).toList();
        assertThat(statuses).as("answers %s", statuses).containsOnlyOnce(204).allMatch(s -> s == 204 || s == 404);
        hub.awaitTask("gxj", id, "cityReview");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey("countyReview").count()).as("county review done once").isEqualTo(1);
    }
}
