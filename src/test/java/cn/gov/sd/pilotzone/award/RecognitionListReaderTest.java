package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.award.RecognitionListReader.Parsed;
import cn.gov.sd.pilotzone.award.RecognitionListReader.Recognition;
import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The recognition list's row checks, without Spring, database or Camel. */
class RecognitionListReaderTest {

    private final AwardCatalog catalog = new AwardCatalog(new ConfigFiles("config"));
    private final RecognitionListReader reader = new RecognitionListReader(catalog);
    private final String uscc = TestEnterprises.uscc("370705");

    @Test
    void goodRowBecomesARecognitionWithADeterministicApplicationId() {
        Parsed parsed = reader.read("list.csv", FeedFiles.utf8("uscc,enterprise_name,policy_code,recognized_on",
                uscc + ",潍坊测试有限公司,SMART_FACTORY_PROVINCIAL,2024-05-10"), null);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).containsExactly(new Recognition(2, uscc, "潍坊测试有限公司", "SMART_FACTORY_PROVINCIAL",
                LocalDate.of(2024, 5, 10)));
        assertThat(parsed.rows().get(0).applicationId()).isEqualTo("AUTO-" + uscc + "-SMART_FACTORY_PROVINCIAL-2024");
    }

    @Test
    void everyBadRowIsReportedWithItsLineWhileGoodRowsRemain() {
        String other = TestEnterprises.uscc("370783");
        Parsed parsed = reader.read("list.csv", FeedFiles.utf8("uscc,enterprise_name,policy_code,recognized_on",
                uscc + ",甲公司,SMART_FACTORY_PROVINCIAL,2024-05-10",
                "91370705MA0000000X,乙公司,SMART_FACTORY_PROVINCIAL,2024-05-10",
                other + ",丙公司,NO_SUCH_POLICY,2024-05-10",
                other + ",丙公司,SMART_FACTORY_PROVINCIAL,2021-01-05",
                other + ",丙公司,TECH_RENOVATION,2024-05-10",
                uscc + ",甲公司,SMART_FACTORY_PROVINCIAL,2024-11-30",
                other + ",丙公司,GREEN_MANUFACTURING,not-a-date",
                other + ",丙公司,GREEN_MANUFACTURING,2023-03-01"), null);

        assertThat(parsed.total()).isEqualTo(8);
        assertThat(parsed.rows()).extracting(Recognition::line).containsExactly(2, 9);
        assertThat(parsed.problems()).extracting(Problem::line, Problem::code).containsExactly(
                Tuple.tuple(3, "uscc.orgCheck"),
                Tuple.tuple(4, "policyCode.unknown"),
                Tuple.tuple(5, "recognition.outsideWindow"),
                Tuple.tuple(6, "recognition.needsInputs"),
                Tuple.tuple(7, "recognition.duplicateRow"),
                Tuple.tuple(8, "date.format"));
        assertThat(parsed.problems().get(4).args()).containsExactly(2);
    }

    @Test
    void readsGb18030WithChineseHeaders() {
        Parsed parsed = reader.read("名单.csv", FeedFiles.gb18030("统一社会信用代码,企业名称,政策代码,认定日期",
                uscc + ",潍坊奎文智能装备有限公司,SINGLE_CHAMPION_PROVINCIAL,2024/03/01"), null);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows().get(0).enterpriseName()).isEqualTo("潍坊奎文智能装备有限公司");
        assertThat(parsed.rows().get(0).recognizedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void readsTheFirstSheetOfAnXlsxWorkbook() {
        byte[] xlsx = FeedFiles.xlsx(List.of(List.of("统一社会信用代码", "企业名称", "政策代码", "认定日期"),
                List.of(uscc, "潍坊测试有限公司", "LITTLE_GIANT_NATIONAL", "2025-01-15")));

        Parsed parsed = reader.read("list.xlsx", xlsx, null);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(Recognition::policyCode).containsExactly("LITTLE_GIANT_NATIONAL");
    }

    @Test
    void aMissingColumnRejectsTheFile() {
        assertThatThrownBy(() -> reader.read("list.csv", FeedFiles.utf8("uscc,enterprise_name,policy_code",
                uscc + ",甲公司,SMART_FACTORY_PROVINCIAL"), null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(Problem::code)
                        .containsExactly("column.missing"));
    }

    @Test
    void everyCatalogPolicyFitsIntoAnAutoApplicationId() {
        String longest = TestEnterprises.uscc("370705");
        catalog.all().forEach(p -> assertThat(Recognition.applicationId(longest, p.code(), 2025))
                .hasSizeLessThanOrEqualTo(RecognitionListReader.MAX_ID)
                .matches(AwardApplicationParser.APPLICATION_ID));
    }
}
