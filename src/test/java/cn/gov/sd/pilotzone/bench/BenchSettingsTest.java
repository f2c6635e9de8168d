package cn.gov.sd.pilotzone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    private static BenchSettings asking(int year, Integer... figures) {
        return new BenchSettings(3, 1, 10, 500, 200, 100_000, 10_000, 20, 25, year, List.of("h2"), Set.of(figures));
    }

    private static List<Integer> measured(BenchSettings s) {
        return IntStream.rangeClosed(1, 7).filter(s::measures).boxed().toList();
    }

    @Test
    void aYearOfDataBringsInTheFiguresItBuildsOn() {
        // the year copies applications figure 2 takes to PAID (figure 1 files them) and compares with figure 4
        assertThat(measured(asking(100_000, 5))).containsExactly(1, 2, 4, 5);
        assertThat(measured(asking(0, 5))).as("no year asked for").containsExactly(5);
    }

    @Test
    void completionBringsInTheIngestItDrives() {
        assertThat(measured(asking(100_000, 2))).containsExactly(1, 2);
        assertThat(measured(asking(100_000, 3))).containsExactly(3);
        assertThat(asking(100_000, 3).partial()).isTrue();
        assertThat(asking(100_000, 1, 2, 3, 4, 5, 7).partial()).isFalse();
    }
}
