package cn.gov.sd.pilotzone.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.award.AwardCatalog;
import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.province.IndicatorReader.IndicatorValue;
import cn.gov.sd.pilotzone.province.IndicatorReader.Parsed;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Rows of feed indicators, without Spring: good rows kept, each bad one a problem at its line. */
class IndicatorReaderTest {

    static final ConfigFiles FILES = new ConfigFiles("config");
    static final ProvinceConfig CONFIG = new ProvinceConfig(FILES, new BureauDirectory(FILES), new AwardCatalog(FILES));

    private static Parsed read(byte[] content, Charset charset) {
        return IndicatorReader.read("ind.csv", content, charset, CONFIG::target);
    }

    @Test
    void englishHeadersInUtf8WithYearAndMonthPeriods() {
        Parsed p = read(FeedFiles.utf8("zone_id,indicator_code,period,value",
                "jinan,advanced_mfg_revenue_share,2023,61.5",
                "zibo,green_factories,2024-06,150",
                "shandong,iiot_adoption_rate,2024年,40.25"), null);
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).extracting(IndicatorValue::zoneId, IndicatorValue::code, IndicatorValue::period)
                .containsExactly(Tuple.tuple("jinan", "advanced_mfg_revenue_share", "2023"),
                        Tuple.tuple("zibo", "green_factories", "2024-06"),
                        Tuple.tuple("shandong", "iiot_adoption_rate", "2024"));
        assertThat(p.rows().get(0).value()).isEqualByComparingTo("61.5");
    }

    @Test
    void chineseHeadersInGb18030() {
        Parsed p = read(FeedFiles.gb18030("试验区,指标代码,期间,数值", "zibo,green_factories,2024,160"),
                null);
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).singleElement().satisfies(v -> assertThat(v.value()).isEqualByComparingTo("160"));
    }

    @Test
    void xlsxIsReadLikeCsv() {
        Parsed p = IndicatorReader.read("ind.xlsx", FeedFiles.xlsx(List.of(
                List.of("zone_id", "indicator_code", "period", "value"),
                List.of("zibo", "green_factories", "2023", 120))), null, CONFIG::target);
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).singleElement().satisfies(v -> assertThat(v.value()).isEqualByComparingTo("120"));
    }

    @Test
    void eachBadRowIsAProblemAtItsLine() {
        Parsed p = read(FeedFiles.utf8("zone_id,indicator_code,period,value",
                "zibo,green_factories,2024,150",
                "zibo,no_such_indicator,2024,1",
                "weifang,above_scale_industrial_enterprises,2024,3999",
                "zibo,informatization_industrialization_index,2024,1",
                "zibo,green_factories,2024-13,1",
                "zibo,green_factories,24,1",
                "zibo,green_design_products,2024,many",
                "nowhere,green_factories,2024,1",
                "zibo,green_factories,2024,151"), null);
        assertThat(p.rows()).extracting(IndicatorValue::line).containsExactly(2);
        assertThat(p.total()).isEqualTo(9);
        assertThat(p.problems()).extracting(Problem::line).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(p.problems()).extracting(Problem::code).containsExactly("indicator.unknown", "indicator.derived",
                "indicator.textOnly", "indicator.period", "indicator.period", "number.format", "indicator.unknown",
                "row.duplicate");
    }

    @Test
    void aValueInScientificNotationIsRefusedInTheIndicatorsOwnWordsAndSixDecimalsAreKept() {
        Parsed p = read(FeedFiles.utf8("zone_id,indicator_code,period,value",
                "zibo,green_factories,2023,1.2E+3",
                "jinan,advanced_mfg_revenue_share,2023,61.125"), null);
        assertThat(p.problems()).extracting(Problem::line, Problem::code)
                .containsExactly(Tuple.tuple(2, "indicator.format"));
        assertThat(p.rows()).singleElement().satisfies(v -> assertThat(v.value()).isEqualByComparingTo("61.125"));
    }
}
