package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.exchange.FeedHandler.FeedResult;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * A file whose transaction failed for want of the database is retried; when the server had committed it all the
 * same (the connection dropped during the commit), the retry archives the file instead of applying it again.
 * {@link InboundFiles} with a handler of the test's own, on the hub's beans.
 */
@HubIntegrationTest
class InboundRetryIT {

    static final String FEED = "retry-test";

    @Autowired
    FeedLog feedLog;
    @Autowired
    Messages messages;
    @Autowired
    ExchangeLayout layout;
    @Autowired
    Clock clock;
    @Autowired
    InboundClaims claims;
    @Autowired
    PlatformTransactionManager transactions;

    /** Applies each file once; the first time it commits the claim on its own, then loses the connection. */
    class LostCommit implements FeedHandler {
        final AtomicInteger applied = new AtomicInteger();
        final String claimKey;
        final boolean committed;

        LostCommit(String claimKey, boolean committed) {
            this.claimKey = claimKey;
            this.committed = committed;
        }

        @Override
        public String feed() {
            return FEED;
        }

        @Override
        public FeedResult accept(String fileName, byte[] content) {
            if (applied.incrementAndGet() == 1) {
                if (committed) { // what the server kept of the file's transaction
                    TransactionTemplate apart = new TransactionTemplate(transactions);
                    apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                    apart.executeWithoutResult(s -> claims.markApplied(claimKey));
                }
                throw new CannotGetJdbcConnectionException("Communications link failure during commit");
            }
            return FeedResult.all(1);
        }
    }

    private FeedResult twice(LostCommit handler) {
        InboundFiles files = new InboundFiles(List.of(handler), feedLog, messages, layout, DataSize.ofMegabytes(1),
                clock, claims, transactions);
        assertThat(claims.add(handler.claimKey)).isTrue();
        byte[] content = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> files.process(FEED, "f.csv", "f.csv", handler.claimKey, content))
                .isInstanceOf(RetryLaterException.class);
        return files.process(FEED, "f.csv", "f.csv", handler.claimKey, content);
    }

    @Test
    void aFileCommittedWhileItsConnectionDroppedIsArchivedOnItsRetryNotAppliedAgain() {
        LostCommit handler = new LostCommit(FEED + "/" + UUID.randomUUID() + ".csv-8-1700000000000", true);
        FeedResult retry = twice(handler);
        assertThat(handler.applied).as("calls of the handler").hasValue(1);
        assertThat(retry.rowsApplied()).isZero();
    }

    @Test
    void aFileWhoseTransactionNeverCommittedIsAppliedOnItsRetry() {
        LostCommit handler = new LostCommit(FEED + "/" + UUID.randomUUID() + ".csv-8-1700000000000", false);
        FeedResult retry = twice(handler);
        assertThat(handler.applied).hasValue(2);
        assertThat(retry.rowsApplied()).isEqualTo(1);
    }
}
