package cn.gov.sd.pilotzone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void aWarmUpRunIsNotedWithItsFiguresAsTheTablesShowThem() {
        assertThat(Report.brief(new CsvIngest.Run(47837.456451518345, 198667.54946049163, 45.668507, 1.6697283)))
                .isEqualTo("hubNew 47837, jdbcNew 198668, hubResent 45.7, jdbcResent 1.67");
        assertThat(Report.brief("not a record")).isEqualTo("not a record");
    }

    @Test
    void cpuPerSideInANoteIsRoundedLikeTheTables() {
        assertThat(Report.text(new TreeMap<>(Map.of("hub", 12.345, "raw", 5.0))))
                .isEqualTo("{hub=12.3, raw=5.00}");
    }
}
