package cn.gov.sd.pilotzone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, fault 1: the hub killed with {@code kill -9} while 500 application files are being ingested and
 * payments are being issued, then started again: every file is archived with exactly one process instance or in
 * error/ with a reason (none is left), no application has two instances, no payment instruction appears twice.
 */
@Order(1)
class CrashRecoveryMariaDbIT extends FaultTest {

    @Test
    void aHubKilledMidIngestLosesNothingAndDoublesNothingAfterItsRestart() throws Exception {
        AwardWorkload work = new AwardWorkload(dataDir);
        Set<String> paying;
        try (HubProcess first = HubProcess.start("crash-before", dataDir)) {
            paying = Set.copyOf(work.drop(20));
            work.awaitSettled(Duration.ofMinutes(2));
            CompletableFuture<Void> reviews = CompletableFuture.runAsync(
                    () -> work.review(first, paying, Duration.ofMinutes(5)));
            work.drop(500);
            while (work.archived() < 20 + 150 && work.waiting() > 0) {
                HubProcess.sleep(Duration.ofMillis(100));
            }
            first.kill();
            reviews.handle((done, killed) -> null).join();
        }
        long waitingAfterKill = work.waiting();
        assertThat(waitingAfterKill).as("files the killed hub left in the inbox").isPositive();

        try (HubProcess second = HubProcess.start("crash-after", dataDir)) {
            work.awaitSettled(Duration.ofMinutes(5));
            work.assertEachFileOnceAndEachApplicationOnce();
            assertThat(work.rejected()).as("files rejected (a re-processed applied file would be a duplicate)").isZero();
            work.review(second, paying, Duration.ofMinutes(3));
            // a public notice's timer the killed hub held is free after its lock and the next reset (README
            // "Crashes": within about a minute and a half of the kill)
            work.assertEachPaymentOnce(paying, Duration.ofMinutes(2));
        }
    }
}
