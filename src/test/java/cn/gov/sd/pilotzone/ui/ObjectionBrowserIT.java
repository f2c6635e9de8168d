package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An objection (异议) to an award during its public notice (公示期), filed on the application's page: a reason is
 * required, the case goes back to city review and the reason is in its history; after that the form is gone.
 * Screenshots under {@code target/screenshots/}.
 */
@HubIntegrationTest
@Import(HubClient.class)
class ObjectionBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    HubClient hub;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;

    @BeforeAll
    static void chromiumInstalled() {
        Browser.requireInstalled();
    }

    @Test
    void anObjectionDuringPublicNoticeNeedsAReasonAndSendsTheCaseBackToCityReviewWithTheReasonInItsHistory() {
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");
        String id = app.applicationId();
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve"));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve"));
        String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        hub.decide("czj", id, "financeReview", Map.of("decision", "approve"));
        // the tests' notice period is two seconds (HubIntegrationTest): this case's notice runs its real week
        Job noticeOver = await().until(() -> managementService.createTimerJobQuery().processInstanceId(pi).list()
                .stream().filter(j -> "noticeOver".equals(j.getElementId())).findFirst().orElse(null), j -> j != null);
        managementService.rescheduleTimeDurationJob(noticeOver.getId(), "P7D");
        hub.awaitStatus(id, "PUBLIC_NOTICE");

        try (Browser b = Browser.at(port)) {
            b.logIn("gxj", AwardFixtures.PASSWORD);
            b.open("/applications/" + id);
            b.follow("#objection-submit");
            assertThat(b.text("#error-reason")).contains("必填");
            b.screenshot("44-objection-required");

            b.fill("#objection-reason", "群众反映：企业近两年存在环保处罚，不符合申报条件");
            b.follow("#objection-submit");
            assertThat(b.text("#notice")).contains("异议已提交");
            assertThat(b.exists("#objection")).as("no objection outside the notice period").isFalse();
            assertThat(b.text("#history-table tr[data-step='objection']")).contains("公示异议",
                    "群众反映：企业近两年存在环保处罚");
            b.screenshot("45-objection-filed");
        }
        hub.awaitTask("gxj", id, "cityReview");
    }
}
