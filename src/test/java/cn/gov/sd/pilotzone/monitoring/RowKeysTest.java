package cn.gov.sd.pilotzone.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import cn.gov.sd.pilotzone.registry.TestUscc;

import org.junit.jupiter.api.Test;

/** A file's (month, USCC) keys: exact, whatever the keys have in common, and as many as a city's statistics file. */
class RowKeysTest {

    @Test
    void aSecondRowOfTheSameMonthAndEnterpriseGetsTheFirstOnesLine() {
        RowKeys keys = new RowKeys();
        assertThat(keys.putIfAbsent(24372, "91370702MA3C4XXX0A", 2)).isZero();
        assertThat(keys.putIfAbsent(24372, "91370702MA3C4XXX0A", 9)).isEqualTo(2);
        assertThat(keys.putIfAbsent(24372, "91370702MA3C4XXX0A", 12)).as("the first line stays").isEqualTo(2);
        assertThat(keys.size()).isOne();
    }

    @Test
    void keysThatDifferInOneCharacterOrOnlyInTheMonthAreDifferent() {
        RowKeys keys = new RowKeys();
        assertThat(keys.putIfAbsent(24372, "91370702MA3C4XXX0A", 2)).isZero();
        assertThat(keys.putIfAbsent(24373, "91370702MA3C4XXX0A", 3)).as("the next month").isZero();
        assertThat(keys.putIfAbsent(24360, "91370702MA3C4XXX0A", 4)).as("a year earlier").isZero();
        assertThat(keys.putIfAbsent(24372, "91370702MA3C4XXX0B", 5)).as("the last character").isZero();
        assertThat(keys.putIfAbsent(24372, "A1370702MA3C4XXX0A", 6)).as("the first character").isZero();
        assertThat(keys.putIfAbsent(24372, "91370702NA3C4XXX0A", 7)).as("the ninth character").isZero();
        assertThat(keys.putIfAbsent(24372, "91370702MB3C4XXX0A", 8)).as("the tenth character").isZero();
        assertThat(keys.putIfAbsent(25299, "YYYYYYYYYYYYYYYYYY", 9)).as("the largest key until 2100").isZero();
        assertThat(keys.putIfAbsent(25299, "YYYYYYYYYYYYYYYYYY", 10)).isEqualTo(9);
        assertThat(keys.size()).isEqualTo(8);
    }

    @Test
    void aHundredThousandKeysOfTwoMonthsAreKeptExactlyAsAMapWouldKeepThem() {
        RowKeys keys = new RowKeys();
        Map<String, Integer> map = new HashMap<>();
        for (int line = 1; line <= 100_000; line++) {
            String uscc = line % 10 == 0 ? TestUscc.next("370702") : TestUscc.next("370781");
            int month = 24372 + line % 2;
            assertThat(keys.putIfAbsent(month, uscc, line)).isZero();
            map.put(month + uscc, line);
        }
        map.forEach((key, line) -> assertThat(keys.putIfAbsent(Integer.parseInt(key.substring(0, 5)),
                key.substring(5), 200_000)).isEqualTo(line));
        assertThat(keys.size()).isEqualTo(100_000);
    }

    @Test
    void onlyAnUpperCaseCodeOfEighteenCharactersIsAKey() {
        RowKeys keys = new RowKeys();
        assertThatThrownBy(() -> keys.putIfAbsent(24372, "91370702ma3c4xxx0a", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.putIfAbsent(24372, "91370702MA3C4XXX0", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.putIfAbsent(24372, "91370702MA3C4１XX0A", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(keys.size()).isZero();
    }
}
