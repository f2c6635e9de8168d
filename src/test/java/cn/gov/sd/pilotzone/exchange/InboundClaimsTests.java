package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import cn.gov.sd.pilotzone.common.MutableClock;
import cn.gov.sd.pilotzone.exchange.ExchangeLayout.FeedSettings;

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

    /** The feeds of these keys taken one file at a time, as every feed is by default. */
    private static final ExchangeLayout ONE_WORKER = new ExchangeLayout(Path.of("target"), Duration.ofSeconds(10), 3,
            Map.of());
    private static final ExchangeLayout TWO_WORKERS = new ExchangeLayout(Path.of("target"), Duration.ofSeconds(10), 3,
            Map.of("award-applications", new FeedSettings(null, null, 2)));

    private InboundClaims node(Instant heartbeat) {
        HubNode node = new HubNode(jdbc, Clock.fixed(heartbeat, ZoneOffset.UTC), TIMEOUT);
        node.register();
        return new InboundClaims(jdbc, node, Clock.systemUTC(), ONE_WORKER);
    }

    /** A live node whose award-applications inbox has two workers, on a clock the test moves. */
    private InboundClaims nodeWithWorkers(Clock clock) {
        HubNode node = new HubNode(jdbc, clock, TIMEOUT);
        node.register();
        return new InboundClaims(jdbc, node, clock, TWO_WORKERS);
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

    @Test
    void aFileAWorkerAppliedIsNotTakenAgainByAPollThatListedItBeforeItsMove() {
        String key = key();
        MutableClock clock = new MutableClock(Instant.now());
        InboundClaims node = nodeWithWorkers(clock);
        assertThat(node.add(key)).isTrue();
        node.markApplied(key);
        node.confirm(key); // Camel confirms, moves the file, then takes it off its in-progress list
        assertThat(node.add(key)).as("the poll that listed it before the move").isFalse();
        assertThat(attempts(key)).isEqualTo(1);
        clock.advance(InboundClaims.SETTLED.plusSeconds(1));
        assertThat(node.add(key)).as("still there a while later: its move failed, it is taken to be archived")
                .isTrue();
        assertThat(node.isApplied(key)).isTrue();
    }

    @Test
    void aFileAWorkerRejectedIsNotClaimedAgainByAPollThatListedItBeforeItsMove() {
        String key = key();
        InboundClaims node = nodeWithWorkers(Clock.systemUTC());
        assertThat(node.add(key)).isTrue();
        node.remove(key); // Camel gives the claim up, then moves the file to error/
        assertThat(node.add(key)).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_claim WHERE claim_id = ?", Integer.class,
                InboundClaims.id(key))).as("no claim made for a file gone to error/").isZero();
    }

    @Test
    void aFeedTakenOneFileAtATimeTakesItsOwnConfirmedClaimAgainAtOnce() {
        String key = key();
        InboundClaims node = liveNode();
        assertThat(node.add(key)).isTrue();
        node.markApplied(key);
        node.confirm(key);
        assertThat(node.add(key)).as("one worker: the file is never listed while it is moved").isTrue();
        assertThat(node.isApplied(key)).isTrue();
    }

    private int attempts(String key) {
        return jdbc.queryForObject("SELECT attempts FROM inbound_claim WHERE claim_id = ?", Integer.class,
                InboundClaims.id(key));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
