package cn.gov.sd.pilotzone.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader.OperationRecord;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader.Chunk;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader.Parsed;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader.Summary;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import org.junit.jupiter.api.Test;

/** Parsing and row checks of feed operation-data, without Spring, database or Camel. */
class OperationDataReaderTest {

    private final String a = TestEnterprises.uscc("370705");
    private final String b = TestEnterprises.uscc("370783");

    @Test
    void readsAllIndicatorsAsDecimals() {
        Parsed parsed = OperationDataReader.read("ops.csv", FeedFiles.utf8(
                "uscc,period,revenue,profit,electricity_kwh,tax",
                a + ",2024-05,\"1,234,567.89\",-1000.5,880000,12000"), null);

        assertThat(parsed.problems()).isEmpty();
        OperationRecord r = parsed.rows().get(0);
        assertThat(r.period()).isEqualTo(YearMonth.of(2024, 5));
        assertThat(r.revenue()).isEqualByComparingTo("1234567.89");
        assertThat(r.profit()).isEqualByComparingTo("-1000.5");
        assertThat(r.electricityKwh()).isEqualByComparingTo("880000");
        assertThat(r.tax()).isEqualByComparingTo("12000");
        assertThat(r.monthNo()).isEqualTo(2024 * 12 + 4);
        assertThat(parsed.indicators()).containsExactlyInAnyOrder("revenue", "profit", "electricity_kwh", "tax");
    }

    @Test
    void periodsAsBureausWriteThem() {
        Parsed parsed = OperationDataReader.read("ops.csv", FeedFiles.utf8("uscc,period,revenue",
                a + ",2024-05,1", b + ",2024/6,1", TestEnterprises.uscc("370702") + ",202407,1",
                TestEnterprises.uscc("370703") + ",2024年8月,1", TestEnterprises.uscc("370704") + ",2024-09-01,1"), null);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(OperationRecord::period).containsExactly(YearMonth.of(2024, 5),
                YearMonth.of(2024, 6), YearMonth.of(2024, 7), YearMonth.of(2024, 8), YearMonth.of(2024, 9));
    }

    @Test
    void aFileOfSeveralMonthsGivesEachRowItsOwnMonth() {
        String c = TestEnterprises.uscc("370702");
        Parsed parsed = OperationDataReader.read("ops.csv", FeedFiles.utf8("uscc,period,revenue",
                a + ",2024-05,1", b + ",2024-05,1", a + ",2024-06,1", b + ",2024-6x,1", c + ",2024-05,1",
                b + ",2024-06,1"), null);

        assertThat(parsed.rows()).extracting(OperationRecord::line, OperationRecord::period).containsExactly(
                tuple(2, YearMonth.of(2024, 5)), tuple(3, YearMonth.of(2024, 5)), tuple(4, YearMonth.of(2024, 6)),
                tuple(6, YearMonth.of(2024, 5)), tuple(7, YearMonth.of(2024, 6)));
        assertThat(parsed.problems()).extracting(Problem::line, Problem::code)
                .containsExactly(tuple(5, "period.format"));
    }

    @Test
    void badRowsAreReportedLineByLineAndLeftOut() {
        Parsed parsed = OperationDataReader.read("ops.csv", FeedFiles.utf8("uscc,period,revenue,profit,electricity_kwh",
                a + ",2024-05,100,-5,200",
                "91370705MA0000000X,2024-05,100,1,1",
                b + ",2024-13,100,1,1",
                b + ",2024-05,-100,1,1",
                b + ",2024-05,100.123,1,1",
                b + ",2024-05,abc,1,1",
                a + ",2024-05,90,1,1",
                b + ",2024-05,,,"), null);

        assertThat(parsed.total()).isEqualTo(8);
        assertThat(parsed.rows()).extracting(OperationRecord::line).containsExactly(2, 9);
        assertThat(parsed.problems()).extracting(Problem::line, Problem::field, Problem::code).containsExactly(
                tuple(3, "uscc", "uscc.orgCheck"),
                tuple(4, "period", "period.format"),
                tuple(5, "revenue", "money.negative"),
                tuple(6, "revenue", "money.scale"),
                tuple(7, "revenue", "number.format"),
                tuple(8, "period", "operation.duplicateRow"));
    }

    @Test
    void aFileCarriesOnlyTheIndicatorsItsBureauOwns() {
        Parsed parsed = OperationDataReader.read("power.csv", FeedFiles.utf8("uscc,period,electricity_kwh",
                a + ",2024-05,5000"), null);

        assertThat(parsed.indicators()).containsExactly("electricity_kwh");
        assertThat(parsed.rows().get(0).revenue()).isNull();
    }

    @Test
    void aFileWithoutAnyIndicatorIsRejected() {
        assertThatThrownBy(() -> OperationDataReader.read("ops.csv", FeedFiles.utf8("uscc,period", a + ",2024-05"), null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(Problem::code)
                        .containsExactly("operation.noIndicator"));
    }

    @Test
    void readsGb18030WithChineseHeaders() {
        Parsed parsed = OperationDataReader.read("运行数据.csv", FeedFiles.gb18030("统一社会信用代码,期间,营业收入,利润,用电量,税收",
                a + ",2024-05,1000.00,100.00,2000,50"), null);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows().get(0).electricityKwh()).isEqualByComparingTo("2000");
    }

    @Test
    void readsXlsxWithNumericCells() {
        byte[] xlsx = FeedFiles.xlsx(List.of(List.of("统一社会信用代码", "期间", "营业收入", "用电量"),
                List.of(a, "2024-05", 1234.5, 6789)));

        Parsed parsed = OperationDataReader.read("ops.xlsx", xlsx, null);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows().get(0).revenue()).isEqualByComparingTo("1234.5");
        assertThat(parsed.rows().get(0).electricityKwh()).isEqualByComparingTo("6789");
    }

    @Test
    void goodRowsComeInChunksOfTheGivenSizeInFileOrderWithTheFilesIndicators() {
        List<Chunk> chunks = new ArrayList<>();
        Summary summary = OperationDataReader.read("ops.csv", FeedFiles.utf8("uscc,period,revenue,tax",
                a + ",2024-05,1,1", b + ",2024-05,2,2", a + ",2024-13,3,3", a + ",2024-06,4,4",
                b + ",2024-06,5,5"), null, 2, chunks::add);

        assertThat(chunks).extracting(c -> c.rows().stream().map(OperationRecord::line).toList())
                .containsExactly(List.of(2, 3), List.of(5, 6));
        assertThat(chunks).allSatisfy(c -> assertThat(c.indicators()).containsExactlyInAnyOrder("revenue", "tax"));
        assertThat(summary.total()).isEqualTo(5);
        assertThat(summary.problems()).extracting(Problem::line).containsExactly(4);
    }

    @Test
    void aDuplicateInALaterChunkIsStillADuplicate() {
        List<Chunk> chunks = new ArrayList<>();
        Summary summary = OperationDataReader.read("ops.csv", FeedFiles.utf8("uscc,period,revenue",
                a + ",2024-05,1", b + ",2024-05,2", a + ",2024-05,3"), null, 1, chunks::add);

        assertThat(chunks).hasSize(2);
        assertThat(summary.problems()).extracting(Problem::line, Problem::code)
                .containsExactly(tuple(4, "operation.duplicateRow"));
    }
}
