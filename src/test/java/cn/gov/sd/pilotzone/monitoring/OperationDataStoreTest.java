package cn.gov.sd.pilotzone.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Which months a file re-sends (deleted at once), and the key ranges a correction's replaced rows are deleted by:
 * never one that covers a row of the table the file does not replace.
 */
class OperationDataStoreTest {

    @Test
    void aMonthIsResentWhenTheFirstChunkReplacesAThousandStoredRowsOrAllOfThem() {
        assertThat(OperationDataStore.resent(1000, 100_000)).isTrue();
        assertThat(OperationDataStore.resent(5000, 5000)).isTrue();
        assertThat(OperationDataStore.resent(12, 12)).isTrue();
        assertThat(OperationDataStore.resent(999, 100_000)).as("a correction").isFalse();
        assertThat(OperationDataStore.resent(10, 12)).isFalse();
        assertThat(OperationDataStore.resent(0, 0)).as("a new month").isFalse();
    }

    @Test
    void aWholeResentMonthIsOneRange() {
        assertThat(ranges(stored("A", "B", "C"), "C", "A", "B", "Z")).containsExactly(List.of(7, "A", "C"));
    }

    @Test
    void aStoredRowTheFileDoesNotHaveSplitsTheRange() {
        assertThat(ranges(stored("A", "B", "C", "D", "E", "G"), "A", "B", "D", "E", "F"))
                .containsExactly(List.of(7, "A", "B"), List.of(7, "D", "E"));
    }

    @Test
    void aKeyTheFileInsertedAlreadySplitsTheRange() {
        // B was not stored: the file inserted it with its chunk, before the replaced A and C are deleted
        assertThat(ranges(stored("A", "B", "C"), "A", "C")).containsExactly(List.of(7, "A", "A"), List.of(7, "C", "C"));
    }

    @Test
    void nothingStoredNothingDeleted() {
        assertThat(ranges(stored(), "A", "B")).isEmpty();
        assertThat(ranges(stored("A"), "B")).isEmpty();
    }

    /** The table's keys (stored before the file, or inserted by it already) come in order. */
    private static String[] stored(String... keys) {
        return keys;
    }

    private static List<List<Object>> ranges(String[] stored, String... file) {
        return OperationDataStore.ranges(7, stored, Set.of(file)).stream().map(List::of).toList();
    }
}
