package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.Applications;
import cn.gov.sd.pilotzone.award.AwardApplications;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestUscc;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ThreadsDefinition;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The exchange-folder contract of docs/exchange.md through the real routes: archive or error with a reason, never lost,
 * never twice, and the routes keep polling after bad files.
 */
@HubIntegrationTest
@Import(HubClient.class)
class InboundRoutesIT {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Autowired
    HubClient hub;
    @Autowired
    AwardApplications applications;
    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    FeedLog feedLog;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CamelContext camel;

    final ObjectMapper json = new ObjectMapper();

    /** The file's reason; its name made unique, as other suites of the shared context drop files too. */
    private String rejected(String feed, String name, byte[] content) {
        String unique = UUID.randomUUID().toString().substring(0, 8) + "-" + name;
        hub.drop(feed, unique, content);
        return hub.errorReport(hub.awaitIn("error", feed, unique));
    }

    @Test
    void malformedJsonGoesToErrorWithItsReasonAndTheRouteKeepsPolling() throws Exception {
        String report = rejected("award-applications", "broken.json", "{\"applicationId\": \"X-1\", ".getBytes());
        assertThat(report).contains("文档格式错误").contains("malformed document");

        Map<String, Object> good = Applications.fresh("STANDARD_NATIONAL");
        hub.drop("award-applications", good.get("applicationId") + ".json", json.writeValueAsBytes(good));
        hub.awaitIn("archive", "award-applications", good.get("applicationId") + ".json");
        assertThat(applications.find((String) good.get("applicationId"))).isPresent();
    }

    @Test
    void unknownPolicyIsRejectedAndNothingStarts() throws Exception {
        Map<String, Object> app = Applications.fresh("NO_SUCH_POLICY");
        String report = rejected("award-applications", app.get("applicationId") + ".json", json.writeValueAsBytes(app));
        assertThat(report).contains("policyCode").contains("NO_SUCH_POLICY");
        assertThat(applications.find((String) app.get("applicationId"))).isEmpty();
    }

    @Test
    void xmlApplicationIsAcceptedAndXxeIsRefused() throws Exception {
        Map<String, Object> app = Applications.fresh("STANDARD_INDUSTRY");
        String id = (String) app.get("applicationId");
        String xml = """
                <awardApplication>
                  <applicationId>%s</applicationId><uscc>%s</uscc><enterpriseName>潍坊某公司</enterpriseName>
                  <countyCode>370705</countyCode><policyCode>STANDARD_INDUSTRY</policyCode><eventDate>2024-06-01</eventDate>
                  <bankAccount><bankName>工行</bankName><accountName>潍坊某公司</accountName><accountNo>6222021234567890</accountNo></bankAccount>
                  <attachments><attachment><name>标准文本.pdf</name></attachment></attachments>
                </awardApplication>""".formatted(id, app.get("uscc"));
        hub.drop("award-applications", id + ".xml", xml.getBytes());
        hub.awaitIn("archive", "award-applications", id + ".xml");
        hub.awaitStatus(id, "IN_REVIEW");

        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <awardApplication><applicationId>&xxe;</applicationId></awardApplication>""";
        assertThat(rejected("award-applications", "xxe.xml", xxe.getBytes())).contains("XXE");
    }

    @Test
    void twoFilesOfOneApplicationInOnePollFileItOnceAndRejectTheOther() throws Exception {
        // copies under other names, dropped in one go, are taken by one poll (a portal sending an application twice)
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> app = Applications.fresh("STANDARD_NATIONAL");
            ids.add((String) app.get("applicationId"));
            for (String copy : List.of("a", "b")) {
                hub.drop("award-applications", app.get("applicationId") + "-" + copy + ".json", json.writeValueAsBytes(app));
            }
        }
        for (String id : ids) {
            await().atMost(HubClient.WAIT).until(() -> hub.find("archive", "award-applications", id + "-a.json")
                    .or(() -> hub.find("error", "award-applications", id + "-a.json")).isPresent()
                    && hub.find("archive", "award-applications", id + "-b.json")
                    .or(() -> hub.find("error", "award-applications", id + "-b.json")).isPresent());
            List<Path> archived = Stream.of("a", "b").map(c -> hub.find("archive", "award-applications", id + "-" + c
                    + ".json")).flatMap(Optional::stream).toList();
            List<Path> rejected = Stream.of("a", "b").map(c -> hub.find("error", "award-applications", id + "-" + c
                    + ".json")).flatMap(Optional::stream).filter(p -> !p.toString().endsWith(".error.txt")).toList();
            assertThat(archived).as(id).hasSize(1);
            assertThat(rejected).as(id).hasSize(1);
            assertThat(hub.errorReport(rejected.get(0))).contains("already known");
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
            assertThat(applications.find(id).orElseThrow().processInstanceId()).isNotNull();
        }
    }

    @Test
    void aBurstOfApplicationsIsAppliedByTheFeedsWorkersEachFileOnce() throws Exception {
        assertThat(route("award-applications").getOutputs())
                .as("config/application.yml gives award-applications two workers")
                .anySatisfy(step -> assertThat(step).isInstanceOfSatisfying(ThreadsDefinition.class,
                        t -> assertThat(t.getPoolSize()).isEqualTo("2")));
        assertThat(route("enterprises").getOutputs()).as("a register keeps its order")
                .noneMatch(ThreadsDefinition.class::isInstance);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> app = Applications.fresh("STANDARD_NATIONAL");
            ids.add((String) app.get("applicationId"));
            hub.drop("award-applications", app.get("applicationId") + ".json", json.writeValueAsBytes(app));
        }
        for (String id : ids) {
            hub.awaitIn("archive", "award-applications", id + ".json");
        }
        for (String id : ids) {
            assertThat(hub.find("error", "award-applications", id + ".json")).as(id).isEmpty();
            assertThat(hub.find("inbox", "award-applications", id + ".json")).as(id).isEmpty();
            assertThat(hub.files("archive", "award-applications").stream()
                    .filter(p -> p.getFileName().toString().endsWith("_" + id + ".json"))).as(id).hasSize(1);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
            assertThat(feedLog.recent("award-applications", 500).stream()
                    .filter(e -> e.fileName().equals(id + ".json"))).as(id).hasSize(1);
        }
    }

    private RouteDefinition route(String id) {
        return camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition(id);
    }

    @Test
    void identicalFileIsArchivedWithoutBeingAppliedAgainButNewContentUnderTheSameNameIsApplied() throws Exception {
        String uscc = TestUscc.next("370702");
        String name = "daily-" + uscc + ".csv";
        String csv = "uscc,enterprise_name,county_code\n" + uscc + ",潍城甲公司,370702\n";
        Path dropped = hub.drop("enterprises", name, csv.getBytes());
        FileTime stamp = Files.getLastModifiedTime(dropped);
        hub.awaitIn("archive", "enterprises", name);

        Path again = hub.drop("enterprises", name, csv.getBytes());
        Files.setLastModifiedTime(again, stamp);
        await().atMost(HubClient.WAIT).until(() -> hub.files("archive", "enterprises").stream()
                .filter(p -> p.toString().endsWith(name)).count() == 2);
        assertThat(feedLog.recent("enterprises", 100)).filteredOn(e -> e.fileName().equals(name))
                .extracting(FeedLog.Entry::rowsApplied).containsExactlyInAnyOrder(1, 0);
        assertThat(feedLog.recent("enterprises", 100)).filteredOn(e -> e.fileName().equals(name) && e.rowsApplied() == 0)
                .singleElement().extracting(FeedLog.Entry::reason).asString().contains("already applied");

        hub.drop("enterprises", name, ("uscc,enterprise_name,county_code\n" + uscc + ",潍城甲公司（更名）,370702\n").getBytes());
        await().atMost(HubClient.WAIT).until(() -> registry.find(uscc).orElseThrow().name().contains("更名"));
        await().atMost(HubClient.WAIT).until(() -> hub.files("archive", "enterprises").stream()
                .filter(p -> p.toString().endsWith(name)).count() == 3);
    }

    @Test
    void gb18030FileWithChineseHeadersUpdatesTheRegistry() {
        String uscc = TestUscc.next("370781");
        String csv = "统一社会信用代码,企业名称,区县代码,行业,规上,开户行,户名,账号,亩产效益等级\n"
                + uscc + ",青州某某机械有限公司,370781,高端装备,是,中国银行青州支行,青州某某机械有限公司,2300001,A\n";
        hub.drop("enterprises", "gbk-" + uscc + ".csv", csv.getBytes(GB18030));
        hub.awaitIn("archive", "enterprises", "gbk-" + uscc + ".csv");
        var e = registry.find(uscc).orElseThrow();
        assertThat(e.name()).isEqualTo("青州某某机械有限公司");
        assertThat(e.aboveScale()).isTrue();
        assertThat(e.muClass()).isEqualTo("A");
    }

    @Test
    void undecodableBytesAreRejectedAsWrongEncoding() {
        byte[] latin = "uscc,enterprise_name,county_code\n".getBytes();
        byte[] bad = new byte[latin.length + 3];
        System.arraycopy(latin, 0, bad, 0, latin.length);
        bad[latin.length] = (byte) 0x80;
        bad[latin.length + 1] = (byte) 0xFF;
        bad[latin.length + 2] = '\n';
        assertThat(rejected("enterprises", "latin.csv", bad)).contains("GB18030");
    }

    @Test
    void fileWithBadRowsIsRejectedWholeWithLineNumbersAndNothingApplied() {
        String good = TestUscc.next("370784");
        String csv = "uscc,enterprise_name,record_type,listed_on,removed_on\n"
                + good + ",安丘某公司,质量失信,2024-01-01,\n"
                + "91370784MA00000000,安丘乙公司,质量失信,2024-01-01,\n"
                + good + ",安丘某公司,质量失信,2024-13-01,\n";
        String report = rejected("credit-records", "credit-bad.csv", csv.getBytes());
        assertThat(report).contains("第3行 uscc").contains("line 4, listed_on");
        assertThat(hub.files("archive", "credit-records")).noneMatch(p -> p.toString().endsWith("credit-bad.csv"));
    }

    @Test
    void unknownColumnsAndReceiptsForUnknownPaymentsAreRejected() {
        assertThat(rejected("enterprises", "extra.csv", "uscc,enterprise_name,county_code,ceo\n".getBytes()))
                .contains("ceo").contains("未知列");
        assertThat(rejected("payment-receipts", "unknown.csv",
                "payment_id,status,paid_on,bank_reference,message\nPAY-NOPE,PAID,2024-01-01,R,\n".getBytes()))
                .contains("PAY-NOPE");
        assertThat(rejected("enterprises", "empty.csv", new byte[0])).contains("文件为空");
    }
}
