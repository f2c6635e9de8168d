package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.AtOnce;
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

        List<ResponseEntity<String>> answers = AtOnce.run(OBJECTIONS, n -> hub.call("system", HttpMethod.POST,
                "/api/award-applications/" + id + "/objections", Map.of("reason", "异议" + n + "：金额过高")));
        List<Integer> statuses = answers.stream().map(r -> r.getStatusCode().value()).toList();
        assertThat(statuses).as("answers %s", statuses).containsOnlyOnce(201).allMatch(s -> s == 201 || s == 409);
        assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 409)
                .allMatch(r -> r.getBody().contains("申请 " + id + " 不在公示期内"));
        hub.awaitTask("gxj", id, "cityReview");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).count()).as("back once").isEqualTo(1);
    }
}
