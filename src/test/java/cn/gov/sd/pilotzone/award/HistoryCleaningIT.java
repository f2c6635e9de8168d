package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.awaitility.Awaitility;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flowable's history cleaning is on and keeps a year (config/application.yml); when it deletes a finished
 * application's engine history, what the hub keeps of it stays whole: the application and its events, the
 * award ledger entry, the payment, and its case page.
 */
@HubIntegrationTest
@Import(HubClient.class)
class HistoryCleaningIT {

    @Autowired
    HubClient hub;
    @Autowired
    ProcessEngineConfiguration engine;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Payments payments;
    @Autowired
    TestRestTemplate rest;

    @Test
    void historyCleaningRunsNightlyForInstancesEndedAYearAgo() {
        assertThat(engine.isEnableHistoryCleaning()).isTrue();
        assertThat(engine.getCleanInstancesEndedAfter()).isEqualTo(Duration.ofDays(365));
        assertThat(engine.getHistoryCleaningTimeCycleConfig()).isEqualTo("0 0 1 * * ?");
    }

    @Test
    void cleanedApplicationKeepsItsRecordLedgerPaymentAndCasePage() {
        Map<String, Object> app = Applications.fresh("STANDARD_NATIONAL");
        String id = (String) app.get("applicationId");
        ResponseEntity<String> filed = hub.call("system", HttpMethod.POST, "/api/award-applications", app);
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve", "comment", "同意"));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve", "comment", "同意"));
        hub.decide("czj", id, "financeReview", Map.of("decision", "approve", "comment", "同意"));
        String paymentId = Awaitility.await().atMost(HubClient.WAIT)
                .until(() -> payments.ofApplication(id), l -> !l.isEmpty()).get(0).paymentId();
        String receipt = "receipt-" + paymentId + ".csv";
        hub.drop("payment-receipts", receipt, "payment_id,status,paid_on,bank_reference,message\n" + paymentId
                + ",PAID," + LocalDate.now() + ",REF,\n");
        hub.awaitStatus(id, "PAID");
        String processInstanceId = jdbc.queryForObject("SELECT process_instance_id FROM award_application "
                + "WHERE application_id = ?", String.class, id);
        long events = eventsOf(id);

        // what the nightly cleaning does to an instance that ended long enough ago
        history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).deleteWithRelatedData();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
        assertThat(hub.application("czj", id).path("status").asText()).isEqualTo("PAID");
        assertThat(eventsOf(id)).isEqualTo(events).isPositive();
        assertThat(jdbc.queryForList("SELECT status FROM award_ledger WHERE application_id = ?", String.class, id))
                .containsExactly("PAID");
        assertThat(payments.ofApplication(id)).extracting(Payments.Instruction::status)
                .containsExactly(Payments.Status.PAID);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = rest.withBasicAuth("county-370705", "demo")
                .exchange("/applications/" + id, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains(id).contains(paymentId);
    }

    private long eventsOf(String applicationId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM application_event WHERE application_id = ?", Long.class,
                applicationId);
    }
}
