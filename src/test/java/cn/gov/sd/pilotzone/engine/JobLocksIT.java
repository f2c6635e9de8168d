package cn.gov.sd.pilotzone.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A timer a killed node held is free again within a minute and a half, not Flowable's hour (config/application.yml,
 * README "Crashes"). {@code CrashRecoveryMariaDbIT} kills a node while its public-notice timers are due.
 */
@HubIntegrationTest
class JobLocksIT {

    @Autowired
    ProcessEngineConfiguration engine;

    @Test
    void aJobIsLockedForAMinuteAndADeadNodesLocksAreFreedEvery15Seconds() {
        AsyncExecutor executor = engine.getAsyncExecutor();
        assertThat(executor.isActive()).isTrue();
        assertThat(Duration.ofMillis(executor.getTimerLockTimeInMillis())).isEqualTo(Duration.ofMinutes(1));
        assertThat(Duration.ofMillis(executor.getAsyncJobLockTimeInMillis())).isEqualTo(Duration.ofMinutes(1));
        assertThat(Duration.ofMillis(executor.getResetExpiredJobsInterval())).isEqualTo(Duration.ofSeconds(15));
    }
}
