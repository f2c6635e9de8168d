package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.AwardApplications;
import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.award.AwardDriver;
import cn.gov.sd.pilotzone.award.RecognitionListFeed;
import cn.gov.sd.pilotzone.monitoring.TestOperationData;
import cn.gov.sd.pilotzone.registry.CreditRecords;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * docs/exchange.md: every CSV feed also takes XLSX (first sheet, same header rules) and GB18030 as well as UTF-8. One
 * GB18030 file with Chinese headers and one XLSX workbook written with POI for each of the five CSV feeds,
 * dropped into the inbox and checked by their effect.
 */
@HubIntegrationTest
@Import(HubClient.class)
class ChineseAndExcelFeedsIT {

    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    CreditRecords credit;
    @Autowired
    TestOperationData operations;
    @Autowired
    AwardApplications applications;
    @Autowired
    RecognitionListFeed recognitionLists;
    @Autowired
    ApplicationContext context;
    AwardDriver driver;
    @Autowired
    HubClient hub;

    FeedFiles files;

    @BeforeEach
    void setUp() {
        files = new FeedFiles(hub);
        driver = new AwardDriver(context);
    }

    // --- enterprises ---

    @Test
    void enterprisesInGb18030WithChineseHeaders() {
        String uscc = TestEnterprises.uscc("370705");
        accept("enterprises", "企业.csv", FeedFiles.gb18030("统一社会信用代码,企业名称,区县代码,行业,规上,开户行,户名,账号,亩产效益等级",
                uscc + ",潍坊奎文国标编码测试有限公司,370705,高端装备,是,中国工商银行潍坊奎文支行,潍坊奎文国标编码测试有限公司,16070011,A类"));

        Enterprise e = registry.find(uscc).orElseThrow();
        assertThat(e.name()).isEqualTo("潍坊奎文国标编码测试有限公司");
        assertThat(e.bankName()).isEqualTo("中国工商银行潍坊奎文支行");
        assertThat(e.aboveScale()).isTrue();
        assertThat(e.muClass()).isEqualTo("A");
    }

    @Test
    void enterprisesAsXlsx() {
        String uscc = TestEnterprises.uscc("370783");
        accept("enterprises", "企业.xlsx", FeedFiles.xlsx(List.of(
                List.of("统一社会信用代码", "企业名称", "区县代码", "规上", "开户行", "户名", "账号", "亩产效益等级"),
                List.of(uscc, "寿光表格测试有限公司", 370783, "N", "寿光农商银行", "寿光表格测试有限公司", "6228001", "b"))));

        Enterprise e = registry.find(uscc).orElseThrow();
        assertThat(e.countyCode()).isEqualTo("370783");
        assertThat(e.aboveScale()).isFalse();
        assertThat(e.muClass()).isEqualTo("B");
    }

    // --- credit-records ---

    @Test
    void creditRecordsInGb18030WithChineseHeaders() {
        String uscc = TestEnterprises.uscc("370702");
        accept("credit-records", "失信名单.csv", FeedFiles.gb18030("统一社会信用代码,企业名称,失信类型,列入日期,移出日期",
                uscc + ",潍城失信测试有限公司,产品质量严重失信,2024-01-10,"));

        assertThat(credit.activeOn(uscc, LocalDate.of(2024, 6, 1))).get()
                .extracting(CreditRecords.CreditRecord::recordType).isEqualTo("产品质量严重失信");
    }

    @Test
    void creditRecordsAsXlsxWithDateCells() {
        String uscc = TestEnterprises.uscc("370703");
        accept("credit-records", "失信名单.xlsx", FeedFiles.xlsx(List.of(
                List.of("统一社会信用代码", "企业名称", "失信类型", "列入日期", "移出日期"),
                List.of(uscc, "寒亭失信测试有限公司", "质量失信", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 8, 1)))));

        assertThat(credit.activeOn(uscc, LocalDate.of(2024, 3, 1))).isPresent();
        assertThat(credit.activeOn(uscc, LocalDate.of(2024, 8, 1))).isEmpty();
    }

    // --- payment-receipts ---

    @Test
    void paymentReceiptsInGb18030WithChineseHeaders() {
        String id = autoApplication("370781");
        String paymentId = driver.toPaying(id);

        accept("payment-receipts", "回执.csv", FeedFiles.gb18030("支付编号,状态,支付日期,银行流水号,说明",
                paymentId + ",PAID,2024-12-31,流水-001,已到账"));

        driver.awaitStatus(id, Status.PAID);
    }

    @Test
    void paymentReceiptsAsXlsx() {
        String id = autoApplication("370782");
        String paymentId = driver.toPaying(id);

        accept("payment-receipts", "回执.xlsx", FeedFiles.xlsx(List.of(
                List.of("支付编号", "状态", "支付日期", "银行流水号", "说明"),
                List.of(paymentId, "PAID", LocalDate.of(2024, 12, 31), "BANK-XLSX", ""))));

        driver.awaitStatus(id, Status.PAID);
    }

    // --- recognition-lists ---

    @Test
    void recognitionListInGb18030WithChineseHeaders() {
        String uscc = registered("370785");
        accept("recognition-lists", "认定名单.csv", FeedFiles.gb18030("统一社会信用代码,企业名称,政策代码,认定日期",
                uscc + ",高密认定测试有限公司,SINGLE_CHAMPION_PROVINCIAL,2024-11-11"));

        driver.awaitStatus("AUTO-" + uscc + "-SINGLE_CHAMPION_PROVINCIAL-2024", Status.IN_REVIEW);
    }

    @Test
    void recognitionListAsXlsxWithDateCells() {
        String uscc = registered("370786");
        accept("recognition-lists", "认定名单.xlsx", FeedFiles.xlsx(List.of(
                List.of("统一社会信用代码", "企业名称", "政策代码", "认定日期"),
                List.of(uscc, "昌邑认定测试有限公司", "GAZELLE_PROVINCIAL", LocalDate.of(2025, 4, 30)))));

        driver.awaitStatus("AUTO-" + uscc + "-GAZELLE_PROVINCIAL-2025", Status.IN_REVIEW);
    }

    // --- operation-data ---

    @Test
    void operationDataInGb18030WithChineseHeaders() {
        String uscc = TestEnterprises.uscc("370724");
        accept("operation-data", "运行数据.csv", FeedFiles.gb18030("统一社会信用代码,期间,营业收入,利润,用电量,税收",
                uscc + ",2024年10月,12345.67,-100,88000,1200"));

        Map<String, Object> month = operations.month(uscc, "2024-10");
        assertThat((BigDecimal) month.get("REVENUE")).isEqualByComparingTo("12345.67");
        assertThat((BigDecimal) month.get("PROFIT")).isEqualByComparingTo("-100");
    }

    @Test
    void operationDataAsXlsxWithNumericCells() {
        String uscc = TestEnterprises.uscc("370724");
        accept("operation-data", "运行数据.xlsx", FeedFiles.xlsx(List.of(
                List.of("统一社会信用代码", "期间", "营业收入", "用电量"),
                List.of(uscc, "2024-11", 9876.5, 43210))));

        Map<String, Object> month = operations.month(uscc, "2024-11");
        assertThat((BigDecimal) month.get("REVENUE")).isEqualByComparingTo("9876.5");
        assertThat((BigDecimal) month.get("ELECTRICITY_KWH")).isEqualByComparingTo("43210");
    }

    private void accept(String feed, String name, byte[] content) {
        String unique = FeedFiles.unique(name.substring(0, name.lastIndexOf('.')), name.substring(name.lastIndexOf('.') + 1));
        files.drop(feed, unique, content);
        assertThat(files.awaitArchived(feed, unique)).as(feed + " report").isEmpty();
    }

    private String registered(String county) {
        String uscc = TestEnterprises.uscc(county);
        registry.upsert(List.of(TestEnterprises.enterprise(uscc, "认定测试有限公司", county, null, true)));
        return uscc;
    }

    private String autoApplication(String county) {
        String uscc = registered(county);
        recognitionLists.accept("list.csv", FeedFiles.utf8("uscc,enterprise_name,policy_code,recognized_on",
                uscc + ",认定测试有限公司,SMART_SCENARIO_PROVINCIAL,2024-10-01"));
        String id = "AUTO-" + uscc + "-SMART_SCENARIO_PROVINCIAL-2024";
        assertThat(applications.find(id).orElseThrow().status()).isEqualTo(Status.IN_REVIEW);
        return id;
    }
}
