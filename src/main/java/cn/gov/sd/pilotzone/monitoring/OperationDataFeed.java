package cn.gov.sd.pilotzone.monitoring;

import java.util.Set;
import java.util.TreeSet;

import cn.gov.sd.pilotzone.exchange.FeedCharsets;
import cn.gov.sd.pilotzone.exchange.FeedHandler;
import cn.gov.sd.pilotzone.exchange.ReadAhead;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader.Chunk;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader.Summary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inbound feed {@code operation-data} (市统计局 / 市税务局 / 供电公司, seed 001 item 14): monthly indicators per
 * enterprise. One transaction per file: the file is read and checked on a thread of its own while this one writes
 * the good rows in chunks ({@link ReadAhead}: reading a 100,000-row file took about as long as writing it, one
 * after the other); a re-sent month replaces that month. Then the fluctuation list of the file's months is computed
 * with one set-based query, and a follow-up is registered for each fluctuating enterprise that has none; bad rows
 * are left out and listed line by line in {@code error/operation-data/<file>.error.txt}. A file rejected as a whole,
 * also half-way through its rows, rolls back everything written. The follow-up processes start right after the
 * commit.
 * <p>
 * The months evaluated are those of the file and the same months a year later: last year's figures arriving late
 * can put this year's month on the list.
 */
@Component
class OperationDataFeed implements FeedHandler {

    private static final Logger log = LoggerFactory.getLogger(OperationDataFeed.class);
    /**
     * Rows per chunk: one insert batch. The rows in flight (the queue, the chunk written, the one read) are alive at
     * every young collection; with 5 batches a chunk they overflowed the survivor space and 5–7 MB went to the old
     * generation each time, a full collection every file or two (README "Performance", seventh round).
     */
    private static final int CHUNK = OperationDataStore.BATCH;
    /**
     * Chunks read ahead of the writer, at most. The reader is the faster of the two, so a longer queue only fills:
     * with 20 (a whole 100,000-row file) the queued rows outlived the young collections and were copied into the
     * old generation, whose full collections then cost more than the writing.
     */
    private static final int QUEUED = 2;

    private final OperationDataStore store;
    private final Fluctuations fluctuations;
    private final FollowUps followUps;
    private final FeedCharsets charsets;

    OperationDataFeed(OperationDataStore store, Fluctuations fluctuations, FollowUps followUps,
                             FeedCharsets charsets) {
        this.store = store;
        this.fluctuations = fluctuations;
        this.followUps = followUps;
        this.charsets = charsets;
    }

    @Override
    public String feed() {
        return "operation-data";
    }

    @Override
    @Transactional
    public FeedResult accept(String fileName, byte[] content) {
        OperationDataStore.Writer writer = store.writer();
        Summary read = ReadAhead.run("operation-data reader", QUEUED,
                chunks -> OperationDataReader.read(fileName, content, charsets.of(feed()), CHUNK, chunks),
                (Chunk chunk) -> writer.write(chunk.rows(), chunk.indicators()));
        OperationDataStore.Applied applied = writer.finish();
        Set<Integer> evaluated = new TreeSet<>(writer.months());
        writer.months().forEach(m -> evaluated.add(m + 12));
        int registered = followUps.register(fluctuations.withoutFollowUp(evaluated));
        log.info("operation-data {}: {} rows inserted, {} replaced, {} new follow-ups", fileName, applied.inserted(),
                applied.replaced(), registered);
        return new FeedResult(read.total(), applied.inserted() + applied.replaced(), read.problems());
    }
}
