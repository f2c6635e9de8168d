package cn.gov.sd.pilotzone.dashboard;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import cn.gov.sd.pilotzone.award.AwardCatalog;
import cn.gov.sd.pilotzone.award.AwardFigures;
import cn.gov.sd.pilotzone.award.PaymentAlerts;
import cn.gov.sd.pilotzone.exchange.ExchangeStatus;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.task.TaskSearch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardServiceTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T02:00:00Z"));
    final TaskSearch tasks = mock(TaskSearch.class);
    final DashboardService service;
    final ExecutorService supervisor = Executors.newSingleThreadExecutor();

    DashboardServiceTest() {
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(i -> now.get());
        service = new DashboardService(mock(BureauDirectory.class), mock(AwardCatalog.class), mock(AwardFigures.class),
                tasks, mock(ExchangeStatus.class), mock(PaymentAlerts.class), clock, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        supervisor.shutdownNow();
    }

    @Test
    void withinItsMaxAgeTheSameDashboardIsShownWithoutReadingAgain() {
        when(tasks.workload()).thenReturn(new TaskSearch.Workload(1, 0, List.of()));

        Dashboard first = service.dashboard();
        now.set(now.get().plusSeconds(5));

        assertThat(service.dashboard()).isSameAs(first);
        verify(tasks, times(1)).workload();
    }

    @Test
    void whileOneSupervisorsRequestComputesItAnewTheOthersAreShownTheLastOneAtOnce() throws Exception {
        when(tasks.workload()).thenReturn(new TaskSearch.Workload(1, 0, List.of()));
        Dashboard first = service.dashboard();
        now.set(now.get().plusSeconds(6));
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(tasks.workload()).thenAnswer(i -> {
            computing.countDown();
            release.await();
            return new TaskSearch.Workload(2, 0, List.of());
        });

        Future<Dashboard> anew = supervisor.submit(service::dashboard);
        assertThat(computing.await(10, SECONDS)).isTrue();

        // a request waiting on the computation would not return before the release below
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), service::dashboard)).isSameAs(first);
        release.countDown();
        assertThat(anew.get(10, SECONDS).openTasks()).isEqualTo(2);
        assertThat(service.dashboard().openTasks()).isEqualTo(2);
        verify(tasks, times(2)).workload();
    }
}
