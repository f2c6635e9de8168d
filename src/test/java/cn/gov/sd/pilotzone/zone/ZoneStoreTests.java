package cn.gov.sd.pilotzone.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import cn.gov.sd.pilotzone.zone.ZoneStore.AcceptanceResult;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL of the zone tables (V3), run on H2 ({@link ZoneStoreIT}) and on MariaDB ({@link ZoneStoreMariaDbIT}):
 * one running lifecycle per zone, task states, reports, escalations, acceptance results. Each test uses its own
 * zone id, as the database is shared with the other tests.
 */
abstract class ZoneStoreTests {

    @Autowired
    ZoneStore store;
    @Autowired
    JdbcTemplate jdbc;

    final String zone = "t" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aZoneHasAtMostOneRunningLifecycle() {
        String first = start();
        assertThatThrownBy(this::start).isInstanceOf(DuplicateKeyException.class);
        assertThat(store.running(zone)).map(Lifecycle::lifecycleId).contains(first);

        store.end(first, Lifecycle.Status.CANCELLED, Lifecycle.Phase.MOBILIZATION);
        assertThat(store.running(zone)).isEmpty();
        assertThat(store.current(zone)).as("a cancelled lifecycle is not shown").isEmpty();
        String second = start();
        store.end(second, Lifecycle.Status.ACCEPTED, Lifecycle.Phase.COMPLETED);
        assertThat(store.current(zone)).map(Lifecycle::status).contains(Lifecycle.Status.ACCEPTED);
        assertThat(store.everStarted(zone)).isTrue();
    }

    @Test
    void eventsOfTheSameMillisecondAreListedInTheOrderTheyHappened() {
        ZoneStore frozen = new ZoneStore(jdbc, Clock.fixed(Instant.parse("2026-03-04T05:06:07.089Z"), ZoneOffset.UTC));
        String id = start();
        List<String> steps = IntStream.range(0, 20).mapToObj(i -> "step" + i).toList();
        steps.forEach(step -> frozen.addEvent(id, "zone-clerk", step, null, null, null));

        assertThat(frozen.events(id)).extracting(ZoneStore.Event::step).containsExactlyElementsOf(steps);
    }

    @Test
    void taskStatesFollowTheLifecycle() {
        String id = start();
        store.insertTasks(id, List.of("3.1.1", "3.1.2", "3.10.1"));
        Instant due = Instant.parse("2025-01-01T00:00:00Z").minus(Duration.ofHours(8));
        store.assignAll(id, due);
        store.setReported(id, "3.1.2", 60, Instant.now());
        store.setTaskStatus(id, "3.1.1", TaskState.Status.DONE);
        store.setFirstCounties(id, List.of("county-370705", "county-370783"));
        store.setImplementation(id, Instant.now(), due, due);

        List<TaskState> tasks = store.tasks(id);
        assertThat(tasks).extracting(TaskState::taskCode).containsExactly("3.1.1", "3.1.2", "3.10.1");
        assertThat(tasks.get(0).status()).isEqualTo(TaskState.Status.DONE);
        assertThat(tasks.get(0).doneAt()).isNotNull();
        assertThat(tasks.get(1).progress()).isEqualTo(60);
        assertThat(tasks.get(1).dueAt()).isEqualTo(due);
        assertThat(tasks.get(2).progress()).isNull();
        assertThat(tasks.get(2).overdueAt(Instant.now())).isTrue();
        Lifecycle lifecycle = store.get(id);
        assertThat(lifecycle.firstCounties()).containsExactly("county-370705", "county-370783");
        assertThat(lifecycle.implementationDue()).isEqualTo(due);
        assertThat(store.nextAcceptanceRound(id)).isEqualTo(1);
        assertThat(store.nextAcceptanceRound(id)).isEqualTo(2);
    }

    @Test
    void reportsKeepTheirTextAndTheNewestIsTheLatest() throws InterruptedException {
        String id = start();
        store.insertTasks(id, List.of("3.5.3"));
        store.insertReport(id, zone, "3.5.3", "sthjj", "2021-Q3", 20, "环保服务方案起草", null, ProgressReport.Source.API, "sthjj");
        Thread.sleep(1100); // a second apart, so that the order holds where a database keeps no milliseconds
        store.insertReport(id, zone, "3.5.3", "sthjj", "2021-Q4", 45, "方案征求意见，𠮷字可存", "资金不足",
                ProgressReport.Source.FEED, "feed");

        assertThat(store.reports(id, "3.5.3")).extracting(ProgressReport::period).containsExactly("2021-Q4", "2021-Q3");
        ProgressReport latest = store.latestReports(id).get("3.5.3");
        assertThat(latest.summary()).isEqualTo("方案征求意见，𠮷字可存");
        assertThat(latest.issues()).isEqualTo("资金不足");
        assertThat(latest.source()).isEqualTo(ProgressReport.Source.FEED);
        assertThat(store.task(id, "3.5.3").orElseThrow().progress()).isEqualTo(45);
    }

    @Test
    void escalationsAreRaisedAndResolved() {
        String id = start();
        Escalation missing = store.raise(id, zone, "3.5.3", Escalation.Kind.MISSING_REPORT, "no report");
        store.raise(id, zone, "3.5.3", Escalation.Kind.OVERDUE, "due");
        store.raise(id, zone, null, Escalation.Kind.RECTIFICATION_OVERDUE, "整改逾期");
        assertThat(store.hasOpen(id, "3.5.3", Escalation.Kind.MISSING_REPORT)).isTrue();

        store.resolve(missing.id(), "supervisor", "已督办");
        assertThat(store.hasOpen(id, "3.5.3", Escalation.Kind.MISSING_REPORT)).isFalse();
        assertThat(store.hasOpen(id, "3.5.3", Escalation.Kind.OVERDUE)).isTrue();
        store.resolveAll(id, "3.5.3", "system", "done");
        assertThat(store.escalations(id)).filteredOn(Escalation::open).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Escalation.Kind.RECTIFICATION_OVERDUE));
        assertThat(store.escalations(id)).filteredOn(e -> e.id().equals(missing.id())).singleElement()
                .satisfies(e -> assertThat(e.note()).isEqualTo("已督办"));
    }

    @Test
    void acceptanceResultsAreRecordedOncePerSubjectAndRound() {
        String id = start();
        store.recordAcceptance(id, AcceptanceResult.COUNTY, 1, "county-370705", null, true, "通过", "gxj");
        store.recordAcceptance(id, AcceptanceResult.EXPERT, 1, "张教授", new BigDecimal("70"), null, null, "gxj");
        store.recordAcceptance(id, AcceptanceResult.EXPERT, 1, "张教授", new BigDecimal("72.50"), null, "复核", "gxj");
        store.recordAcceptance(id, AcceptanceResult.EXPERT, 2, "张教授", new BigDecimal("85"), null, null, "gxj");
        store.setAcceptanceScore(id, new BigDecimal("85.00"));
        store.addEvent(id, "gxj", "expertReview", null, "approve", "评审意见");

        List<AcceptanceResult> results = store.acceptance(id);
        assertThat(results).hasSize(3);
        assertThat(results).filteredOn(r -> r.kind().equals(AcceptanceResult.COUNTY)).singleElement()
                .satisfies(r -> assertThat(r.passed()).isTrue());
        assertThat(results).filteredOn(r -> r.round() == 1 && r.kind().equals(AcceptanceResult.EXPERT)).singleElement()
                .satisfies(r -> assertThat(r.score()).isEqualByComparingTo("72.5"));
        assertThat(store.get(id).acceptanceScore()).isEqualByComparingTo("85");
        assertThat(store.events(id)).extracting(ZoneStore.Event::remark).contains("评审意见");
    }

    private String start() {
        String id = UUID.randomUUID().toString();
        store.insertLifecycle(id, zone, "gxj", "P3M", Instant.now(), "test");
        return id;
    }
}
