package cn.gov.sd.pilotzone.exchange;

import java.util.List;

import cn.gov.sd.pilotzone.common.Problem;

/**
 * Applies one inbound file of a feed. Implementations are plain beans, callable without Camel: they throw
 * {@link cn.gov.sd.pilotzone.common.InvalidInputException} for a file that must go to {@code error/}, and apply
 * a file's rows in one transaction (or account for each bad row in the returned result).
 */
public interface FeedHandler {

    /** The feed's folder name under inbox/, e.g. {@code enterprises}. */
    String feed();

    FeedResult accept(String fileName, byte[] content);

    /**
     * Whether each of the feed's files stands alone, so that several may be applied at once and in any order
     * ({@code hub.exchange.feeds.<feed>.workers}). Not for a feed whose later file supersedes an earlier one (a
     * register, a month's data): taken at once, the older could be applied last.
     */
    default boolean independentFiles() {
        return false;
    }

    /** What a file did: rows read and applied, and the problems of rows that were skipped. */
    record FeedResult(int rowsTotal, int rowsApplied, List<Problem> skipped) {

        public FeedResult {
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        public static FeedResult all(int rows) {
            return new FeedResult(rows, rows, List.of());
        }
    }
}
