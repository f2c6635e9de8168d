package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.registry.TestUscc;
import cn.gov.sd.pilotzone.security.HubUser;
import cn.gov.sd.pilotzone.security.Role;
import cn.gov.sd.pilotzone.security.TestAccounts;

import com.fasterxml.jackson.databind.JsonNode;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * The web UI in a real browser (headless Chromium through chromedriver), against the hub as it runs. Screenshots
 * of the main pages go to {@code target/screenshots/}. Skipped with a message where Chromium is not installed,
 * never under {@code CI=true}.
 */
@HubIntegrationTest
@Import(HubClient.class)
class BrowserIT {

    private static final Duration FEED_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    HubClient hub;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    TestAccounts users;

    @Value("${hub.data-dir}")
    Path dataDir;

    AwardFixtures fixtures;

    @BeforeAll
    static void chromiumInstalled() {
        Browser.requireInstalled();
    }

    @BeforeEach
    void setUp() {
        fixtures = new AwardFixtures(hub);
    }


    @Test
    void countyClerkFindsAndApprovesAnApplicationThenTheCityClerkSeesIt() {
        AwardFixtures.Filed app = fixtures.file("370705");
        try (Browser b = Browser.at(port)) {
            b.open("/login");
            assertThat(b.text("#login-submit")).as("Chinese by default, whatever the browser's language")
                    .isEqualTo("登 录");
            b.screenshot("01-login");
            b.logIn("county-370705", AwardFixtures.PASSWORD);
            assertThat(b.path()).isEqualTo("/tasks");

            new Select(b.find("#f-policy")).selectByValue(AwardFixtures.POLICY);
            new Select(b.find("#f-county")).selectByValue("370705");
            new Select(b.find("#f-assignment")).selectByValue("UNCLAIMED");
            b.follow("#f-submit");
            WebElement row = row(b, app.applicationId());
            assertThat(row.getText()).contains("区县初审", app.enterpriseName(), "奎文区", "800,000.00 元", "80.00 万元");
            b.screenshot("02-task-list-county-clerk");

            b.follow(row.findElement(By.cssSelector(".claim")));
            assertThat(b.text("#notice")).isEqualTo("已认领该任务。");
            row = row(b, app.applicationId());
            assertThat(row.getText()).contains("county-370705");
            b.follow(row.findElement(By.cssSelector(".open")));

            assertThat(b.text("#task-name")).isEqualTo("区县初审");
            assertThat(b.text("#app-enterprise")).isEqualTo(app.enterpriseName());
            assertThat(b.text("#app-proposed")).contains("800,000.00 元", "80.00 万元");
            assertThat(b.text("#filed-attachments")).contains("认定文件.pdf");
            assertThat(b.imageShown("#diagram img.diagram")).isTrue();
            b.screenshot("03-task-page");

            b.decide("approve");
            b.find("#comment").sendKeys("材料齐全，同意上报市工信局。");
            b.follow("#complete");
            assertThat(b.path()).isEqualTo("/tasks");
            assertThat(b.text("#notice")).contains("已办结", app.applicationId());
            assertThat(b.exists(rowSelector(app.applicationId()))).isFalse();
            b.screenshot("04-task-list-after-approval");

            b.open("/tasks/done");
            assertThat(b.text("#done-table")).contains(app.applicationId(), "区县初审");
            b.logOut();
            assertThat(b.text("#login-out")).isEqualTo("您已安全退出。");
        }
        try (Browser b = Browser.at(port)) {
            b.logIn("gxj", AwardFixtures.PASSWORD);
            WebElement row = row(b, app.applicationId());
            assertThat(row.getText()).contains("市工信局审核", app.enterpriseName());
            b.screenshot("05-task-list-city-clerk");

            b.open("/applications/" + app.applicationId());
            WebElement county = b.find("#history-table tr[data-step='countyReview']");
            assertThat(county.getText()).contains("county-370705", "同意", "材料齐全");
            assertThat(b.text("#app-status")).isEqualTo("审核中");
            assertThat(b.imageShown("#diagram img.diagram")).isTrue();
            b.screenshot("06-case-page");
            b.scrollTo("#diagram");
            b.screenshot("06b-case-diagram");
        }
    }

    @Test
    void decisionFormShowsServerValidationErrorsNextToTheFields() throws IOException {
        AwardFixtures.Filed app = fixtures.file("370705");
        try (Browser b = Browser.at(port)) {
            b.logIn("county-370705", AwardFixtures.PASSWORD);
            b.open("/tasks/" + taskOf(app));

            // a comment and a file on the case first (multipart with its CSRF token)
            b.find("#comment-text").sendKeys("请企业补充近三年财务报表。");
            b.follow("#comment-form button");
            assertThat(b.text("#comments")).contains("请企业补充近三年财务报表。", "county-370705");
            Path upload = Files.createTempFile("初审意见", ".txt");
            Files.writeString(upload, "初审意见：同意", StandardCharsets.UTF_8);
            b.find("#upload-file").sendKeys(upload.toAbsolutePath().toString());
            b.follow("#upload-form button");
            assertThat(b.text("#notice")).isEqualTo("附件已上传。");
            String href = b.find("#case-files a").getDomAttribute("href");
            assertThat(b.text("#case-files")).contains(upload.getFileName().toString(), "county-370705");
            Files.delete(upload);
            assertThat(rest.withBasicAuth("gxj", AwardFixtures.PASSWORD).getForObject(href, byte[].class))
                    .asString(StandardCharsets.UTF_8).isEqualTo("初审意见：同意");
            assertThat(rest.withBasicAuth("county-370702", AwardFixtures.PASSWORD).getForEntity(href, byte[].class)
                    .getStatusCode().value()).isEqualTo(404);

            b.complete("reject");
            assertThat(b.text("#error-comment")).isEqualTo("不同意或退回时必须填写意见");
            assertThat(b.find("#comment").getDomAttribute("class")).contains("is-invalid");

            b.decide("approve");
            b.find("#approvedAmount").sendKeys("900000");
            b.follow("#complete");
            assertThat(b.text("#error-approvedAmount")).contains("超过政策允许的金额");
            assertThat(b.value("#approvedAmount")).isEqualTo("900000");
            b.screenshot("07-decision-validation");

            b.fill("#approvedAmount", "12.345");
            b.follow("#complete");
            assertThat(b.exists("#error-approvedAmount")).isTrue();

            b.fill("#approvedAmount", "600000");
            b.complete("approve");
            assertThat(b.path()).isEqualTo("/tasks");
        }
        assertThat(hub.application("gxj", app.applicationId()).path("approvedAmount").decimalValue())
                .isEqualByComparingTo("600000");
    }

    @Test
    void clerkCannotOpenAnotherCountysTask() {
        AwardFixtures.Filed app = fixtures.file("370705");
        String taskId = taskOf(app);
        try (Browser b = Browser.at(port)) {
            b.logIn("county-370702", AwardFixtures.PASSWORD);
            assertThat(b.exists(rowSelector(app.applicationId()))).isFalse();

            b.open("/tasks/" + taskId);
            assertThat(b.exists("#error-404")).isTrue();
            assertThat(b.exists("#decision-form")).isFalse();
            assertThat(b.driver().getPageSource()).doesNotContain(app.enterpriseName());
            b.screenshot("08-other-county-task-not-found");

            b.open("/applications/" + app.applicationId());
            assertThat(b.exists("#error-404")).isTrue();
            b.open("/dashboard");
            b.screenshot("08b-dashboard-refused");
            assertThat(b.exists("#error-403")).isTrue();
        }
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    @Test
    void supervisorSeesDashboardNumbersChangeWhenFilesArriveAndReprocessesAFixedFile() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (Browser b = Browser.at(port)) {
            b.logIn("supervisor", AwardFixtures.PASSWORD);
            assertThat(b.path()).isEqualTo("/dashboard");
            long processed = count(b, "#feed-enterprises .processed");
            long failed = count(b, "#feed-enterprises .failed");
            b.screenshot("09-dashboard-before");

            hub.drop("enterprises", "ui-" + tag + ".csv", enterprisesCsv(TestUscc.next("370705")));
            awaitOnDashboard(b, () -> count(b, "#feed-enterprises .processed") > processed);
            assertThat(b.text("#feed-enterprises .last-file")).contains("ui-" + tag + ".csv", "已处理");

            String bad = "bad-" + tag + ".csv";
            hub.drop("enterprises", bad, "uscc,enterprise_name,county_code\nNOT-A-CODE,坏数据有限公司,370705\n");
            String errorRow = ".error-file[data-feed='enterprises'][data-file$='_" + bad + "']";
            // the report is written before the file is moved next to it: wait for the file (its re-process button)
            awaitOnDashboard(b, () -> b.exists(errorRow + " button.reprocess")
                    && count(b, "#feed-enterprises .failed") > failed);
            assertThat(b.text(errorRow)).contains(bad, "统一社会信用代码");
            b.scrollTo("#feeds").screenshot("10-dashboard-error-folder");

            // the supervisor has the file fixed in place, then puts it back
            String stored = b.find(errorRow).getDomAttribute("data-file");
            Files.writeString(dataDir.resolve("error/enterprises").resolve(stored),
                    enterprisesCsv(TestUscc.next("370705")), StandardCharsets.UTF_8);
            long processedBefore = count(b, "#feed-enterprises .processed");
            b.follow(b.find(errorRow).findElement(By.cssSelector("button.reprocess")));
            assertThat(b.text("#notice")).contains(bad, "enterprises");
            awaitOnDashboard(b, () -> count(b, "#feed-enterprises .processed") > processedBefore);
            assertThat(b.exists(errorRow)).isFalse();
            assertThat(Files.exists(dataDir.resolve("error/enterprises").resolve(stored + ".error.txt"))).isFalse();
            b.screenshot("11-dashboard-after-reprocess");

            b.open("/dashboard?lang=en");
            assertThat(b.text("h1")).isEqualTo("Supervision dashboard");
            b.screenshot("12-dashboard-english");
            b.open("/dashboard?lang=zh");
            assertThat(b.text("h1")).isEqualTo("督导看板");
        }
    }

    @Test
    void loginPageSaysWrongPasswordAlsoWhenLockedInTheChosenLanguage() {
        String name = "ui-lock-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new HubUser(name, Role.CLERK, "gxj", "锁定测试"), "right-password");
        try (Browser b = Browser.at(port)) {
            b.logIn(name, "wrong");
            assertThat(b.text("#login-error")).startsWith("用户名或密码错误。");
            b.follow("#lang-en");
            assertThat(b.text("#login-submit")).isEqualTo("Log in");
            for (int i = 0; i < 4; i++) {
                b.logIn(name, "wrong");
            }
            b.logIn(name, "right-password");
            // locked, but told no differently from a wrong password: only existing accounts lock
            assertThat(b.text("#login-error")).startsWith("Wrong user name or password. Repeated wrong passwords");
            assertThat(b.path()).startsWith("/login");
            b.screenshot("13-login-locked-english");
            b.follow("#lang-zh");
            assertThat(b.text("#login-submit")).isEqualTo("登 录");
        }
    }

    /**
     * The zone pages, rendered on the server: the zones, and a zone's phases and its tasks grouped by special
     * action, with the same content as the zone API, and a table per lead bureau.
     */
    @Test
    void zonePagesShowPhasesTasksPerActionAndTheLeadBureausWork() {
        try (Browser b = Browser.at(port)) {
            b.logIn("supervisor", AwardFixtures.PASSWORD);
            b.open("/zones");
            JsonNode zones = hub.getJson("supervisor", "/api/zones");
            String zoneId = zones.get(0).path("zoneId").asText();
            assertThat(b.all(".zone-card")).hasSize(zones.size());
            b.screenshot("14-zones");

            b.follow(".zone-card[data-zone='" + zoneId + "'] a");
            JsonNode zone = hub.getJson("supervisor", "/api/zones/" + zoneId);
            assertThat(b.text("#zone-name")).isEqualTo(zone.path("name").asText());
            assertThat(b.all("#zone-actions tr[data-task]")).hasSize(zone.path("tasks").size());
            JsonNode first = zone.path("tasks").get(0);
            String row = b.text("#zone-actions tr[data-task='" + first.path("code").asText() + "']");
            assertThat(row).contains(first.path("title").asText(),
                    first.path("leadBureaus").get(0).path("name").asText());
            assertThat(b.find("#bulletin").getDomAttribute("href")).isEqualTo("/api/zones/" + zoneId + "/bulletin.xlsx");
            JsonNode bureaus = hub.getJson("supervisor", "/api/zones/" + zoneId + "/bureaus");
            assertThat(b.all("#zone-bureaus tr[data-bureau]")).hasSize(bureaus.size());
            if (bureaus.size() > 0) {
                String bureau = "#zone-bureaus tr[data-bureau='" + bureaus.get(0).path("code").asText() + "']";
                assertThat(b.text(bureau + " .open")).isEqualTo(bureaus.get(0).path("open").asText());
                assertThat(b.text(bureau + " .overdue")).isEqualTo(bureaus.get(0).path("overdue").asText());
                assertThat(b.text(bureau + " .done")).isEqualTo(bureaus.get(0).path("done").asText());
                assertThat(b.find(bureau + " a").getDomAttribute("href")).contains("/supervision?zone=" + zoneId);
            }
            b.screenshot("15-zone");
        }
    }

    /**
     * The province page (省工信厅): the six zones side by side, a zone behind on a target marked, the trend of a
     * measured indicator drawn by Chart.js, the clusters; a city's clerk sees only their own zone.
     */
    @Test
    void provincePageComparesTheSixZonesAndDrawsTrends() {
        String name = "browser-" + System.nanoTime() + ".csv";
        hub.drop("indicators", name, "zone_id,indicator_code,period,value\nzibo,one_enterprise_one_tech_rd_centers,2023,20\n"
                + "zibo,one_enterprise_one_tech_rd_centers,2025,30\n");
        hub.awaitIn("archive", "indicators", name);
        try (Browser b = Browser.at(port)) {
            b.logIn("sgxt", AwardFixtures.PASSWORD);
            b.open("/province");
            assertThat(b.all("#zone-comparison tbody tr")).hasSize(6);
            assertThat(b.find("#zone-comparison tr[data-zone='zibo']").getDomAttribute("class")).contains("table-warning");
            assertThat(b.text("#zone-comparison tr[data-zone='zibo'] .behind")).isNotEqualTo("0");
            b.await(Duration.ofSeconds(10), d -> b.exists("#zone-zibo canvas.trend[style*='block']"));
            assertThat(b.all("#clusters tbody tr")).hasSize(20);
            assertThat(b.find("#province-export").getDomAttribute("href")).isEqualTo("/province.xlsx");
            b.screenshot("16-province");
        }
        try (Browser b = Browser.at(port)) {
            b.logIn("zibo-gxj", AwardFixtures.PASSWORD);
            b.open("/province");
            assertThat(b.all("#zone-comparison tbody tr")).hasSize(1);
            assertThat(b.exists("#zone-comparison tr[data-zone='zibo']")).isTrue();
        }
    }

    /**
     * The coordinator (市工信局) completes the first zone lifecycle tasks in the browser, with documents uploaded
     * into the form and a missing one reported next to its field.
     */
    @Test
    void coordinatorCompletesZoneTasksWithDocuments() throws IOException {
        String zone = "/api/zones/weifang/lifecycle";
        hub.call("admin", HttpMethod.DELETE, zone + "?reason=browser-test", null); // 409 when none runs
        assertThat(hub.call("admin", HttpMethod.POST, zone, Map.of("mobilizationPeriod", "P30D",
                "implementationPeriod", "P60D", "reportPeriod", "P30D", "rectificationPeriod", "P30D"))
                .getStatusCode().value()).isEqualTo(201);
        Path research = Files.createTempFile("调研报告", ".pdf");
        Path plan = Files.createTempFile("创建方案", ".pdf");
        try (Browser b = Browser.at(port)) {
            Files.writeString(research, "%PDF-1.4 调研报告", StandardCharsets.UTF_8);
            Files.writeString(plan, "%PDF-1.4 总体方案", StandardCharsets.UTF_8);
            b.logIn("gxj", AwardFixtures.PASSWORD);
            new Select(b.find("#f-process")).selectByValue("pilotZoneLifecycle");
            b.follow("#f-submit");
            b.follow(zoneTaskRow(b, "开展调研论证").findElement(By.cssSelector(".open")));
            assertThat(b.text("#task-case")).contains("weifang");
            b.find("#field-documents").sendKeys(research.toAbsolutePath().toString());
            b.decide("approve");
            b.find("#comment").sendKeys("已完成调研论证。");
            b.follow("#complete");
            assertThat(b.path()).isEqualTo("/tasks");

            new Select(b.find("#f-process")).selectByValue("pilotZoneLifecycle");
            b.follow("#f-submit");
            b.follow(zoneTaskRow(b, "制定并印发创建方案").findElement(By.cssSelector(".open")));
            b.complete("approve");
            assertThat(b.text("#error-planDocument")).contains("必填");
            b.screenshot("16-zone-task-form-error");
            b.find("#field-planDocument").sendKeys(plan.toAbsolutePath().toString());
            b.complete("approve");
            assertThat(b.path()).isEqualTo("/tasks");
            assertThat(b.text("#task-table")).contains("落实责任分工");

            b.follow(zoneTaskRow(b, "落实责任分工").findElement(By.cssSelector(".open")));
            assertThat(b.text("#case-files")).contains(research.getFileName().toString(), plan.getFileName().toString());
            b.follow("#task-case a");
            assertThat(b.imageShown("#diagram img.diagram")).isTrue();
            b.screenshot("17-zone-case");
        } finally {
            hub.call("admin", HttpMethod.DELETE, zone + "?reason=browser-test", null);
            Files.deleteIfExists(research);
            Files.deleteIfExists(plan);
        }
    }

    /**
     * Supervision on screen (issue 15): the supervisor follows the dashboard's overdue figure to the list of late
     * work, finds the zone's overdue task by the zone's name, reminds its bureau with a note, and that bureau's
     * clerk sees the reminder among the notices and opens the task from it.
     */
    @Test
    void supervisorFindsAnOverdueZoneTaskFromTheDashboardRemindsItsBureauAndTheClerkSeesTheNotice() {
        String zone = "/api/zones/weifang/lifecycle";
        hub.call("admin", HttpMethod.DELETE, zone + "?reason=browser-test", null); // 409 when none runs
        assertThat(hub.call("admin", HttpMethod.POST, zone, Map.of("mobilizationPeriod", "P30D",
                "implementationPeriod", "P60D", "reportPeriod", "P30D", "rectificationPeriod", "P30D"))
                .getStatusCode().value()).isEqualTo(201);
        try {
            Task research = taskService.createTaskQuery().processInstanceBusinessKey("weifang")
                    .taskDefinitionKey("research").singleResult();
            taskService.setDueDate(research.getId(), Date.from(Instant.now().minus(
                    Duration.ofDays(2)).minus(Duration.ofHours(3))));
            String row = "#sup-table tr[data-task-id='" + research.getId() + "']";
            try (Browser b = Browser.at(port)) {
                b.logIn("supervisor", AwardFixtures.PASSWORD);
                b.follow("#kpi-overdue");
                assertThat(b.path()).startsWith("/supervision");
                assertThat(b.find(row).getDomAttribute("class")).contains("overdue");
                assertThat(b.text(row)).contains("超期 2 天", "开展调研论证", "潍坊市制造业高质量发展试验区", "市工信局");

                new Select(b.find("#s-zone")).selectByValue("weifang");
                b.follow("#s-submit");
                assertThat(b.all("#sup-table tbody tr[data-task-id]")).allSatisfy(r ->
                        assertThat(r.getDomAttribute("data-business-key")).isEqualTo("weifang"));
                b.find(row + " input[name='note']").sendKeys("请本周内完成调研论证");
                b.follow(b.find(row + " button.remind"));
                assertThat(b.text("#notice")).contains("已向市工信局催办");
                assertThat(b.text(row + " .reminders")).contains("督导员", "共 1 次");
                assertThat(b.exists("#s-zone option[value='weifang'][selected]")).as("filters kept").isTrue();
                b.screenshot("18-supervision-reminded");

                // the zone's page: its coordinator's work per bureau, with the way to the late work
                b.open("/zones/weifang");
                assertThat(b.text("#zone-bureaus tr[data-bureau='gxj']")).contains("市工信局");
                assertThat(b.find("#zone-supervision").getDomAttribute("href")).isEqualTo("/supervision?zone=weifang");
                b.screenshot("18b-zone-late");
            }
            try (Browser b = Browser.at(port)) {
                b.logIn("gxj", AwardFixtures.PASSWORD);
                assertThat(b.exists("#nav-unread")).isTrue();
                b.follow("#nav-notices");
                String notice = "#notice-table tr[data-kind='REMINDED'][data-task-id='" + research.getId() + "']";
                assertThat(b.text(notice)).contains("催办", "开展调研论证", "潍坊市制造业高质量发展试验区", "督导员",
                        "请本周内完成调研论证");
                assertThat(b.find(notice).getDomAttribute("class")).contains("unread");
                b.screenshot("19-notices-clerk");
                b.follow(b.find(notice + " button.open"));
                assertThat(b.path()).isEqualTo("/tasks/" + research.getId());
                assertThat(b.text("#task-overdue")).isEqualTo("超期 2 天");
                b.open("/notices");
                assertThat(b.find(notice).getDomAttribute("class")).doesNotContain("unread");
            }
        } finally {
            hub.call("admin", HttpMethod.DELETE, zone + "?reason=browser-test", null);
        }
    }

    /**
     * Working as a team (issue 15): a clerk hands a task to a colleague, who finds it among the notices and works
     * it; a task the city returned is marked as returned in the county's list.
     */
    @Test
    void clerksHandATaskOverAndReturnedTasksAreMarked() {
        String colleague = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new HubUser(colleague, Role.CLERK, "county-370705", "王晓明"), AwardFixtures.PASSWORD);
        AwardFixtures.Filed handed = fixtures.file("370705");
        AwardFixtures.Filed returned = fixtures.file("370705");
        try (Browser b = Browser.at(port)) {
            b.logIn("county-370705", AwardFixtures.PASSWORD);
            b.open("/tasks/" + taskOf(handed));
            new Select(b.find("#colleague")).selectByValue(colleague);
            b.find("#hand-over-form input[name='note']").sendKeys("我下周出差，请代为初审");
            b.follow("#hand-over-submit");
            assertThat(b.text("#notice")).isEqualTo("已转交给 王晓明。");
            // now the colleague's: the bureau's list shows its unclaimed tasks and the clerk's own
            assertThat(b.exists(rowSelector(handed.applicationId()))).isFalse();

            b.screenshot("20-task-handed-over");
        }
        // the colleague decides the other one; the city returns it to the county
        hub.decide(colleague, returned.applicationId(), "countyReview", Map.of("decision", "approve"));
        try (Browser b = Browser.at(port)) {
            b.logIn(colleague, AwardFixtures.PASSWORD);
            b.follow("#nav-notices");
            String notice = "#notice-table tr[data-kind='HANDED_OVER'][data-task-id='" + taskOf(handed) + "']";
            assertThat(b.text(notice)).contains("转交", "区县初审", "我下周出差");
            b.follow(b.find(notice + " button.open"));
            assertThat(b.text("#task-assignee")).contains("由我办理");
        }
        hub.decide("gxj", returned.applicationId(), "cityReview", Map.of("decision", "return",
                "comment", "请核实营业收入"));
        try (Browser b = Browser.at(port)) {
            b.logIn("county-370705", AwardFixtures.PASSWORD);
            assertThat(row(b, returned.applicationId()).findElement(By.cssSelector(".returned")).getText())
                    .isEqualTo("退回");
        }
    }

    private static WebElement zoneTaskRow(Browser b, String name) {
        return b.all("#task-table tbody tr").stream().filter(r -> r.getText().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + name + " in " + b.text("#task-table")));
    }

    @Test
    void aClerkWhoseColleagueFinishedTheTaskMeanwhileIsToldWhoDidAndWhen() {
        String colleague = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new HubUser(colleague, Role.CLERK, "county-370705", "李晓红"), AwardFixtures.PASSWORD);
        AwardFixtures.Filed app = fixtures.file("370705");
        try (Browser b = Browser.at(port)) {
            b.logIn("county-370705", AwardFixtures.PASSWORD);
            b.open("/tasks/" + taskOf(app));
            b.decide("approve");
            b.find("#comment").sendKeys("同意");
            // while the page is open, the colleague decides the same task
            hub.decide(colleague, app.applicationId(), "countyReview", java.util.Map.of("decision", "approve"));

            b.follow("#complete");
            assertThat(b.path()).isEqualTo("/tasks");
            assertThat(b.text("#problem")).startsWith("该任务已由 李晓红 于 ").endsWith(" 办结，无需再办。");
            b.screenshot("21-task-finished-by-colleague");
        }
        // decided once: the case waits for the city, not for a second county decision
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(app.applicationId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("cityReview");
    }

    private String taskOf(AwardFixtures.Filed app) {
        return taskService.createTaskQuery().processInstanceBusinessKey(app.applicationId()).singleResult().getId();
    }

    private static String rowSelector(String applicationId) {
        return "#task-table tr[data-business-key='" + applicationId + "']";
    }

    /** The task's row, once the page that a click asked for has loaded. */
    private static WebElement row(Browser b, String applicationId) {
        try {
            b.await(Duration.ofSeconds(10), d -> b.exists(rowSelector(applicationId)));
        } catch (TimeoutException e) {
            // reported below with what the page shows
        }
        if (!b.exists(rowSelector(applicationId))) {
            throw new AssertionError("no task of " + applicationId + " at " + b.path() + ": "
                    + (b.exists("#task-table") ? b.text("#task-table") : b.driver().getPageSource()));
        }
        return b.find(rowSelector(applicationId));
    }

    private static long count(Browser b, String css) {
        return Long.parseLong(b.text(css).trim());
    }

    private static void awaitOnDashboard(Browser b, BooleanSupplier condition) {
        b.await(FEED_TIMEOUT, d -> {
            b.open("/dashboard");
            return condition.getAsBoolean();
        });
    }

    private static String enterprisesCsv(String uscc) {
        return "uscc,enterprise_name,county_code,industry,above_scale\n" + uscc + ",界面测试企业有限公司,370705,高端装备,Y\n";
    }

}
