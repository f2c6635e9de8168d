package cn.gov.sd.pilotzone.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.common.ConflictException;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.ExchangeLayout.RouteHeaders;
import cn.gov.sd.pilotzone.exchange.FeedHandler.FeedResult;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeException;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The steps every inbound route runs (bean {@code inbound}, called with named headers): {@link #admit} before the
 * file is read, {@link #process} to hand the file to its feed's handler, {@link #reject} from the shared error
 * handling. It records the
 * outcome for the feed-health view, and writes {@code error/<feed>/<file>.error.txt} for rejected files and for
 * skipped rows of accepted ones. Infrastructure failures become {@link RetryLaterException} so the route retries
 * instead of blaming the file.
 */
@Component("inbound")
public class InboundFiles {

    private static final Logger log = LoggerFactory.getLogger(InboundFiles.class);
    private static final int MAX_REPORTED = 500;

    private final Map<String, FeedHandler> handlers;
    private final FeedLog feedLog;
    private final Messages messages;
    private final ExchangeLayout layout;
    private final long maxFileSize;
    private final Clock clock;
    private final InboundClaims claims;
    private final TransactionTemplate tx;

    public InboundFiles(List<FeedHandler> handlers, FeedLog feedLog, Messages messages,
                        ExchangeLayout layout,
                        @Value("${hub.exchange.max-file-size}") DataSize maxFileSize, Clock clock,
                        InboundClaims claims, PlatformTransactionManager transactions) {
        this.claims = claims;
        this.tx = new TransactionTemplate(transactions);
        this.handlers = handlers.stream().collect(Collectors.toMap(FeedHandler::feed, Function.identity()));
        this.feedLog = feedLog;
        this.messages = messages;
        this.layout = layout;
        this.maxFileSize = maxFileSize.toBytes();
        this.clock = clock;
    }

    /** The feeds the hub has handlers for. */
    public Set<String> feeds() {
        return handlers.keySet();
    }

    /** The name of the file's copy in archive/ or error/: time-stamped, and safe to write whatever the name. */
    public String storedName(String fileName) {
        return layout.storedName(fileName, clock.instant());
    }

    /**
     * The route's first step, before the file is read: names its stored copy and its claim (headers
     * {@link RouteHeaders#STORED_NAME}, {@link RouteHeaders#CLAIM_KEY}), then refuses a file too large to read and one that
     * was taken too often: a file in work whenever the hub died (it ran out of memory on it?) is quarantined rather
     * than taken again.
     */
    public void admit(@Header(Exchange.FILE_NAME_ONLY) String fileName, @Header(Exchange.FILE_PARENT) String folder,
                      @Header(Exchange.FILE_LENGTH) long size, @Header(Exchange.FILE_LAST_MODIFIED) long modified,
                      @Headers Map<String, Object> headers) {
        headers.put(RouteHeaders.STORED_NAME, storedName(fileName));
        String claimKey = layout.claimKey(folder, fileName, size, modified);
        headers.put(RouteHeaders.CLAIM_KEY, claimKey);
        int attempts = claims.attempts(claimKey);
        if (attempts > layout.maxAttempts()) {
            throw new InvalidInputException(Problem.of(null, "file.tooManyAttempts", attempts - 1,
                    layout.maxAttempts()));
        }
        if (size > maxFileSize) {
            throw new InvalidInputException(Problem.of(null, "file.tooLarge", size, maxFileSize));
        }
    }

    /**
     * Applies a file in one transaction with its claim's {@code APPLIED} mark and its feed-log entry, so a crash
     * leaves either all three or none. A file an earlier node applied but could not move is only archived.
     */
    public FeedResult process(@Header(RouteHeaders.FEED) String feed, @Header(Exchange.FILE_NAME_ONLY) String fileName,
                              @Header(RouteHeaders.STORED_NAME) String storedName, @Header(RouteHeaders.CLAIM_KEY) String claimKey,
                              @Body byte[] content) {
        FeedHandler handler = handlers.get(feed);
        if (handler == null) {
            throw new IllegalStateException("no handler for feed " + feed);
        }
        try {
            if (claims.isApplied(claimKey)) {
                // a node applied it and stopped before moving it, or an identical copy was dropped again
                log.warn("{} {}: already applied; archived, not applied again", feed, fileName);
                feedLog.record(feed, fileName, storedName, "IN", FeedLog.Status.PROCESSED, 0, 0,
                        messages.bilingual(Problem.of(null, "file.alreadyApplied")));
                return FeedResult.all(0);
            }
            FeedResult result = tx.execute(status -> {
                FeedResult applied = handler.accept(fileName, content);
                claims.markApplied(claimKey);
                String report = null;
                if (!applied.skipped().isEmpty()) {
                    report = report(feed, fileName, "rows.skipped", applied.skipped());
                    writeReport(feed, storedName, report);
                }
                feedLog.record(feed, fileName, storedName, "IN", FeedLog.Status.PROCESSED, applied.rowsTotal(),
                        applied.rowsApplied(), report);
                return applied;
            });
            log.info("{} {}: {} of {} rows applied", feed, fileName, result.rowsApplied(), result.rowsTotal());
            return result;
        } catch (InvalidInputException | ConflictException e) {
            throw e;
        } catch (InboundClaims.ClaimLostException e) {
            // this node was taken for dead while it worked (e.g. a long database outage); the node that took the
            // file over applies it, this node's effect is rolled back, and whoever moves the file first archives it
            log.warn("{} {}: {}", feed, fileName, e.getMessage());
            return FeedResult.all(0);
        } catch (RuntimeException e) {
            if (RetryLaterException.isTransient(e)) {
                log.warn("{} {}: database unavailable, will retry: {}", feed, fileName, e.getMessage());
                // the connection may have dropped after the server committed: the retry asks the claim first
                claims.outcomeUnknown(claimKey);
                throw new RetryLaterException(e);
            }
            throw e;
        }
    }

    /**
     * Called by the shared error handling before the file is moved to {@code error/<feed>/<storedName>}; returns
     * the reason, which an SFTP inbox also puts on its server.
     */
    public String reject(@Header(RouteHeaders.FEED) String feed, @Header(Exchange.FILE_NAME_ONLY) String fileName,
                         @Header(RouteHeaders.STORED_NAME) String storedName, @ExchangeException Exception cause) {
        List<Problem> problems = cause instanceof InvalidInputException invalid ? invalid.problems()
                : cause instanceof ConflictException conflict ? List.of(conflict.problem())
                : List.of(Problem.of(null, "file.failed", describe(cause)));
        if (!(cause instanceof InvalidInputException || cause instanceof ConflictException)) {
            log.warn("{} {}: unexpected failure", feed, fileName, cause);
        }
        String report = report(feed, fileName, "file.rejected", problems);
        writeReport(feed, storedName, report);
        try {
            feedLog.record(feed, fileName, storedName, "IN", FeedLog.Status.FAILED, null, 0, report);
        } catch (RuntimeException e) {
            // the reason is in error/ already; the feed-health view misses this file rather than keep it in the inbox
            log.warn("{} {}: rejection not logged: {}", feed, fileName, e.getMessage());
        }
        log.warn("{} {} rejected to error/: {}", feed, fileName, cause.getMessage());
        return report;
    }

    /** The reasons of an accepted file's skipped rows (as written to error/ by {@link #process}), or null. */
    public String skippedReport(@Header(RouteHeaders.FEED) String feed, @Header(Exchange.FILE_NAME_ONLY) String fileName,
                                @Body FeedResult result) {
        return result.skipped().isEmpty() ? null : report(feed, fileName, "rows.skipped", result.skipped());
    }

    /** The exception and its root cause: what an operator needs to tell a bad file from a bug. */
    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return root == cause ? text : text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private String report(String feed, String fileName, String headline, List<Problem> problems) {
        StringBuilder text = new StringBuilder()
                .append(messages.get(headline, Messages.CHINESE)).append(" / ")
                .append(messages.get(headline, Locale.ENGLISH)).append('\n')
                .append("feed: ").append(feed).append('\n')
                .append("file: ").append(InboundNames.printable(fileName)).append('\n')
                .append("at: ").append(clock.instant()).append('\n');
        problems.stream().limit(MAX_REPORTED).forEach(p -> text.append("- ").append(messages.bilingual(p)).append('\n'));
        if (problems.size() > MAX_REPORTED) {
            text.append("… ").append(problems.size() - MAX_REPORTED).append(" more\n");
        }
        return text.toString();
    }

    private void writeReport(String feed, String storedName, String report) {
        Path dir = layout.folder(ExchangeLayout.ERROR, feed);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(storedName + ExchangeLayout.REPORT_SUFFIX), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
