package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplication.Event;
import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.registry.CreditRecords.CreditRecord;
import cn.gov.sd.pilotzone.registry.CreditRecords;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/** Feed recognition-lists (免申即享) through the inbox: rows checked one by one, AUTO applications started. */
@HubIntegrationTest
@Import(HubClient.class)
class RecognitionListIT {

    static final String FEED = "recognition-lists";
    static final String HEADER = "uscc,enterprise_name,policy_code,recognized_on";

    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    ApplicationStore store;
    @Autowired
    AwardLedger ledger;
    @Autowired
    CreditRecords credit;
    @Autowired
    RuntimeService runtime;
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

    @Test
    void goodRowsStartAutoApplicationsWhileBadRowsAreReportedLineByLine() {
        String withBank = TestEnterprises.uscc("370705");
        String withoutBank = TestEnterprises.uscc("370783");
        String unknown = TestEnterprises.uscc("370702");
        String awarded = TestEnterprises.uscc("370781");
        String dishonest = TestEnterprises.uscc("370782");
        registry.upsert(List.of(
                TestEnterprises.enterprise(withBank, "潍坊奎文甲装备有限公司", "370705", "A", true),
                TestEnterprises.enterprise(withoutBank, "寿光乙种业有限公司", "370783", null, false),
                TestEnterprises.enterprise(awarded, "青州丙机械有限公司", "370781", "B", true),
                TestEnterprises.enterprise(dishonest, "诸城丁汽配有限公司", "370782", "C", true)));
        assertThat(ledger.reserve(awarded, "SMART_FACTORY_PROVINCIAL", 2024, "WF-EARLIER-" + awarded)).isEmpty();
        credit.upsert(List.of(new CreditRecord(dishonest, "诸城丁汽配有限公司", "质量失信", LocalDate.of(2020, 1, 1), null)));
        String name = FeedFiles.unique("list", "csv");

        files.drop(FEED, name, FeedFiles.utf8(HEADER,
                withBank + ",潍坊奎文甲装备有限公司,SMART_FACTORY_PROVINCIAL,2024-05-10",
                withoutBank + ",寿光乙种业股份有限公司,SINGLE_CHAMPION_PROVINCIAL,2024-06-01",
                unknown + ",潍城未登记有限公司,SMART_FACTORY_PROVINCIAL,2024-05-10",
                "91370705MA0000000X,无效代码有限公司,SMART_FACTORY_PROVINCIAL,2024-05-10",
                withBank + ",潍坊奎文甲装备有限公司,NO_SUCH_POLICY,2024-05-10",
                withBank + ",潍坊奎文甲装备有限公司,GREEN_MANUFACTURING,2022-01-01",
                awarded + ",青州丙机械有限公司,SMART_FACTORY_PROVINCIAL,2024-08-08",
                withBank + ",潍坊奎文甲装备有限公司,SMART_FACTORY_PROVINCIAL,2024-12-01",
                dishonest + ",诸城丁汽配有限公司,SMART_FACTORY_PROVINCIAL,2024-05-10"));

        String report = files.awaitArchived(FEED, name).orElseThrow();
        assertThat(report).contains("第4行 uscc：企业 " + unknown + " 不在企业库")
                .contains("第5行 uscc")
                .contains("第6行 policy_code：未知政策代码：NO_SUCH_POLICY / line 6, policy_code: unknown policy code")
                .contains("第7行 recognized_on：认定日期 2022-01-01 不在政策有效期")
                .contains("第8行 policy_code：该企业 2024 年度已享受或正在办理该项奖励（申请 WF-EARLIER-" + awarded + "）")
                .contains("第9行 policy_code：与第2行的企业、政策和年度重复")
                .doesNotContain("第2行 ", "第3行 ", "第10行 ");

        String first = "AUTO-" + withBank + "-SMART_FACTORY_PROVINCIAL-2024";
        AwardApplication a = driver.awaitStatus(first, Status.IN_REVIEW);
        assertThat(a.channel()).isEqualTo(Channel.AUTO);
        assertThat(a.countyCode()).isEqualTo("370705");
        assertThat(a.payload()).contains("\"bankName\":\"中国工商银行潍坊分行\"").contains(name);
        assertThat(driver.awaitTask(first, "intentConfirmation").getName()).isEqualTo("意愿确认");
        assertThat(ledger.holder(withBank, "SMART_FACTORY_PROVINCIAL", 2024)).contains(first);
        assertThat(store.events(first)).extracting(Event::step).containsExactly("submitted", "dataComparison");

        String second = "AUTO-" + withoutBank + "-SINGLE_CHAMPION_PROVINCIAL-2024";
        AwardApplication b = driver.awaitStatus(second, Status.IN_REVIEW);
        assertThat(b.countyCode()).isEqualTo("370783");
        assertThat(b.enterpriseName()).isEqualTo("寿光乙种业有限公司");
        assertThat(store.events(second).get(1).comment()).contains("名单企业名称“寿光乙种业股份有限公司”与登记名称“寿光乙种业有限公司”不一致")
                .contains("企业库中没有完整的银行账户");

        // the credit record is found by the data comparison: rejected before anyone is asked
        AwardApplication d = driver.awaitStatus("AUTO-" + dishonest + "-SMART_FACTORY_PROVINCIAL-2024", Status.REJECTED);
        assertThat(d.reasons()).anyMatch(r -> r.contains("质量失信"));
        assertThat(ledger.holder(dishonest, "SMART_FACTORY_PROVINCIAL", 2024)).isEmpty();

        assertThat(store.find("AUTO-" + unknown + "-SMART_FACTORY_PROVINCIAL-2024")).isEmpty();
        assertThat(store.find("AUTO-" + awarded + "-SMART_FACTORY_PROVINCIAL-2024")).isEmpty();
    }

    @Test
    void aResentListNeverStartsASecondProcess() {
        String uscc = TestEnterprises.uscc("370705");
        registry.upsert(List.of(TestEnterprises.enterprise(uscc, "潍坊重发测试有限公司", "370705", null, true)));
        byte[] list = FeedFiles.utf8(HEADER, uscc + ",潍坊重发测试有限公司,SMART_SCENARIO_PROVINCIAL,2025-02-03");
        String id = "AUTO-" + uscc + "-SMART_SCENARIO_PROVINCIAL-2025";

        String name = FeedFiles.unique("list", "csv");
        files.drop(FEED, name, list);
        assertThat(files.awaitArchived(FEED, name)).isEmpty();
        driver.awaitTask(id, "intentConfirmation");

        String again = FeedFiles.unique("list-resent", "csv");
        files.drop(FEED, again, list);
        assertThat(files.awaitArchived(FEED, again).orElseThrow())
                .contains("第2行 uscc：已作为申请 " + id + " 办理（状态 IN_REVIEW），重复报送不再发起");

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
    }

    @Test
    void aDeclinedAwardEndsWithdrawnAndFreesTheLedger() {
        String uscc = TestEnterprises.uscc("370725");
        registry.upsert(List.of(TestEnterprises.enterprise(uscc, "昌乐放弃测试有限公司", "370725", null, true)));
        String name = FeedFiles.unique("list", "csv");
        files.drop(FEED, name, FeedFiles.utf8(HEADER, uscc + ",昌乐放弃测试有限公司,DIGITAL_WORKSHOP_PROVINCIAL,2024-09-09"));
        String id = "AUTO-" + uscc + "-DIGITAL_WORKSHOP_PROVINCIAL-2024";
        files.awaitArchived(FEED, name);

        driver.complete("county-370725", id, "intentConfirmation", "reject", "企业表示不申请该项奖励", Map.of());

        AwardApplication app = driver.awaitStatus(id, Status.WITHDRAWN);
        assertThat(app.reasons()).singleElement().asString().contains("企业表示不申请该项奖励");
        assertThat(ledger.holder(uscc, "DIGITAL_WORKSHOP_PROVINCIAL", 2024)).isEmpty();
    }
}
