package cn.gov.sd.pilotzone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, fault 3 (README.md): two hub processes on one MariaDB database and one shared inbox, 1,000 files
 * dropped: each file processed once (and both nodes take part), each public-notice timer fired once, each
 * payment instruction once.
 */
@Order(3)
class TwoNodesMariaDbIT extends FaultTest {

    @Test
    void twoNodesOnOneDatabaseAndOneInboxProcessEachFileTimerAndPaymentOnce() throws Exception {
        AwardWorkload work = new AwardWorkload(dataDir);
        // one after the other: the first creates the schema, the second finds it
        try (HubProcess a = HubProcess.start("node-a", dataDir); HubProcess b = HubProcess.start("node-b", dataDir)) {
            Set<String> paying = Set.copyOf(work.drop(20));
            work.drop(980);
            work.awaitSettled(Duration.ofMinutes(6));
            work.assertEachFileOnceAndEachApplicationOnce();
            assertThat(work.rejected()).isZero();
            List<String> nodes = FaultDatabase.query(jdbc -> jdbc.queryForList(
                    "SELECT DISTINCT node_id FROM inbound_claim", String.class));
            assertThat(nodes).as("nodes that took files").hasSize(2);

            // the reviews through node b, the notice timers and payment batches on whichever node gets them
            work.review(b, paying, Duration.ofMinutes(3));
            work.assertEachPaymentOnce(paying, Duration.ofMinutes(1));
            // each notice over (its timer fired) and recorded once per case; no timer job given up
            List<Integer> noticeTimers = FaultDatabase.query(jdbc -> jdbc.queryForList(
                    "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'noticeOver' GROUP BY PROC_INST_ID_",
                    Integer.class));
            assertThat(noticeTimers).hasSize(paying.size()).containsOnly(1);
            assertThat(FaultDatabase.count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'publicNotice' "
                    + "AND END_TIME_ IS NOT NULL")).isEqualTo(paying.size());
            assertThat(FaultDatabase.count("SELECT COUNT(*) FROM ACT_RU_DEADLETTER_JOB")).isZero();
        }
    }
}
