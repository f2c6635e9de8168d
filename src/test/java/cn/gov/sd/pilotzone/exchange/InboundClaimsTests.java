package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The claim rules of inbound files between hub nodes, on the test's database (H2 here, MariaDB in the subclass).
 * Other nodes are made in the test: a node registered with an old heartbeat is one that was killed.
 */
abstract class InboundClaimsTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Autowired
    JdbcTemplate jdbc;

    private InboundClaims node(Instant heartbeat) {
        HubNode node = new HubNode(jdbc, Clock.fixed(heartbeat, ZoneOffset.UTC), TIMEOUT);
        node.register();
        return new InboundClaims(jdbc, node, Clock.systemUTC());
    }

    private InboundClaims liveNode() {
        return node(Instant.now());
    }

    private InboundClaims killedNode() {
        return node(Instant.now().minus(TIMEOUT).minusSeconds(1));
    }

    private static String key() {
        return "award-applications/" + UUID.randomUUID() + ".json-120-1700000000000";
    }

    @Test
    void aFileClaimedByALiveNodeIsSkippedByTheOthers() {
        String key = key();
        assertThat(liveNode().add(key)).isTrue();
        assertThat(liveNode().add(key)).isFalse();
    }

    @Test
    void theClaimOfAKilledNodeIsTakenOverAndReprocessed() {
        String key = key();
        assertThat(killedNode().add(key)).isTrue();
        InboundClaims survivor = liveNode();
        assertThat(survivor.add(key)).isTrue();
        assertThat(survivor.isApplied(key)).isFalse();
        survivor.markApplied(key);
        assertThat(state(key)).isEqualTo("APPLIED");
    }

    @Test
    void aFileWhoseCommitWasLostWithTheConnectionIsFoundAppliedOnItsRetry() {
        String key = key();
        InboundClaims node = liveNode();
        assertThat(node.add(key)).isTrue();
        node.markApplied(key); // the server committed; the hub saw the connection drop
        node.outcomeUnknown(key);
        assertThat(node.isApplied(key)).as("the retry archives it rather than apply it again").isTrue();
        assertThat(node.attempts(key)).isEqualTo(1);
    }

    @Test
    void aFileWhoseTransactionFailedBeforeItsCommitIsAppliedOnItsRetry() {
        String key = key();
        InboundClaims node = liveNode();
        assertThat(node.add(key)).isTrue();
        node.outcomeUnknown(key);
        assertThat(node.isApplied(key)).isFalse();
    }

    @Test
    void aNodeTakesAgainAClaimItLeftBehind() {
        String key = key();
        InboundClaims node = liveNode();
        assertThat(node.add(key)).isTrue();
        assertThat(node.add(key)).as("the read lock timed out; the file is polled again").isTrue();
        assertThat(liveNode().add(key)).isFalse();
    }

    @Test
    void aFileAppliedByAKilledNodeIsTakenOverOnlyToBeArchived() {
        String key = key();
        InboundClaims killed = killedNode();
        killed.add(key);
        killed.markApplied(key);
        InboundClaims survivor = liveNode();
        assertThat(survivor.add(key)).isTrue();
        assertThat(survivor.isApplied(key)).isTrue();
    }

    @Test
    void ofTwoNodesTakingOverTheSameClaimAtOnceOnlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            String key = key();
            killedNode().add(key);
            InboundClaims a = liveNode();
            InboundClaims b = liveNode();
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Boolean>> takes = List.of(a, b).stream()
                    .map(n -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return n.add(key);
                    })).toList();
            assertThat(takes.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(true, false);
        }
    }

    @Test
    void aNodeWhoseClaimWasTakenOverCannotMarkTheFileApplied() {
        String key = key();
        InboundClaims cutOff = killedNode();
        cutOff.add(key);
        liveNode().add(key);
        assertThatThrownBy(() -> cutOff.markApplied(key)).isInstanceOf(InboundClaims.ClaimLostException.class);
    }

    @Test
    void aRejectedFileGivesUpOnlyItsOwnUnappliedClaim() {
        String key = key();
        InboundClaims owner = liveNode();
        owner.add(key);
        assertThat(liveNode().remove(key)).isFalse();
        assertThat(owner.remove(key)).isTrue();
        assertThat(owner.contains(key)).isFalse();

        String applied = key();
        owner.add(applied);
        owner.markApplied(applied);
        assertThat(owner.remove(applied)).isFalse();
        assertThat(owner.contains(applied)).isTrue();
    }

    @Test
    void aFileThatGrewAfterTheScanIsClaimedWhenItIsApplied() {
        String key = key();
        InboundClaims node = liveNode();
        node.markApplied(key);
        assertThat(state(key)).isEqualTo("APPLIED");
        assertThat(liveNode().add(key)).isFalse();
    }

    private String state(String key) {
        return jdbc.queryForObject("SELECT state FROM inbound_claim WHERE claim_id = ?", String.class,
                InboundClaims.id(key));
    }

    @Test
    void aClaimJustMadeNeedsNoLookUpToKnowItIsNotApplied() {
        String key = key();
        InboundClaims node = liveNode();
        node.add(key);
        jdbc.update("UPDATE inbound_claim SET state = 'APPLIED' WHERE claim_id = ?", InboundClaims.id(key));
        assertThat(node.isApplied(key)).as("answered from memory, not from the table").isFalse();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
