package cn.gov.sd.pilotzone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, fault 2: MariaDB stopped for 20 s while the hub ingests, then started again. The hub reports DOWN
 * meanwhile, its routes retry with back-off, and it recovers by itself: nothing lost, nothing rejected, nothing
 * twice, no restart.
 */
@Order(2)
class DatabaseOutageMariaDbIT extends FaultTest {

    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @BeforeEach
    void administrableServer() {
        MariaDbServer.assumeControllable();
    }

    @Test
    void theHubRidesOutADatabaseOutageWithoutLosingAFile() throws Exception {
        AwardWorkload work = new AwardWorkload(dataDir);
        try (HubProcess hub = HubProcess.start("outage", dataDir)) {
            work.drop(300);
            while (work.archived() < 50) {
                HubProcess.sleep(Duration.ofMillis(100));
            }
            Instant stopped = Instant.now();
            try {
                MariaDbServer.stop();
                hub.awaitHealth("DOWN", OUTAGE);
                work.drop(50); // files keep arriving while the database is away
                HubProcess.sleep(Duration.between(Instant.now(), stopped.plus(OUTAGE)));
                assertThat(work.waiting()).as("files waiting in the inbox during the outage").isPositive();
            } finally {
                MariaDbServer.start();
            }
            hub.awaitHealth("UP", Duration.ofMinutes(2));
            work.awaitSettled(Duration.ofMinutes(5));
            work.assertEachFileOnceAndEachApplicationOnce();
            assertThat(work.rejected()).as("files rejected because of the outage").isZero();
        }
    }
}
