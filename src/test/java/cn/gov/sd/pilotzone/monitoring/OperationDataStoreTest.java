package cn.gov.sd.pilotzone.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The key ranges a re-sent month is deleted by: never one that covers a stored row the file does not replace. */
class OperationDataStoreTest {

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
    void nothingStoredNothingDeleted() {
        assertThat(ranges(stored(), "A", "B")).isEmpty();
        assertThat(ranges(stored("A"), "B")).isEmpty();
    }

    private static TreeMap<String, Object> stored(String... keys) {
        TreeMap<String, Object> m = new TreeMap<>();
        for (String k : keys) {
            m.put(k, k);
        }
        return m;
    }

    private static List<List<Object>> ranges(TreeMap<String, Object> stored, String... file) {
        Map<String, Object> f = new TreeMap<>();
        for (String k : file) {
            f.put(k, k);
        }
        return OperationDataStore.ranges(7, stored, f).stream().map(List::of).toList();
    }
}
