package cn.gov.sd.pilotzone.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.AwardLedger;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The province (docs/province.md, docs/indicators.md) through the hub as it runs: the first batch listed at
 * start-up, zoneDesignation through every branch, indicators derived from registry and ledger data made here and
 * from feed files, the province page and its export, and who may see which zone.
 */
@HubIntegrationTest
@Import(HubClient.class)
class ProvinceIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String ZONE = "qingdao";
    static final String CITY = "qingdao-gxj";

    @Autowired
    HubClient hub;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Designations designations;
    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    AwardLedger ledger;
    @Autowired
    TestRestTemplate rest;

    FeedFiles files;

    @BeforeEach
    void setUp() {
        files = new FeedFiles(hub);
    }

    @Test
    void theSixZonesOfSeed003StartListedInTheFirstBatchOnceOnly() {
        designations.seedListedZones(); // a second start-up (or node) starts nothing more
        for (String zone : List.of("jinan", "weifang", "jining", "zibo", "yantai")) {
            JsonNode d = hub.getJson("sgxt", "/api/zones/" + zone + "/designation");
            assertThat(d.path("status").asText()).as(zone).isIn("LISTED", "RECOMMENDED", "REMOVED");
            assertThat(d.path("batch").asText()).as(zone).isEqualTo("首批");
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Designations.PROCESS)
                    .processInstanceBusinessKey(zone).count()).as(zone).isLessThanOrEqualTo(1);
        }
        assertThat(hub.getJson("gxj", "/api/zones/weifang").path("designation").path("status").asText())
                .isEqualTo("LISTED");
    }

    @Test
    void designationThroughEveryBranch() {
        resetToFirstBatch(ZONE);
        assertThat(apply(CITY).getStatusCode().value()).as("listed: no second application").isEqualTo(409);
        assertThat(apply("zibo-gxj").getStatusCode().value()).as("another city's zone").isEqualTo(404);

        // listed: two 不合格 years in a row remove the zone
        yearlyEvaluation(2022, "不合格", false);
        assertThat(status()).isEqualTo("LISTED");
        yearlyEvaluation(2023, "不合格", false);
        await().atMost(WAIT).until(() -> status().equals("REMOVED"));
        assertThat(evaluations("sgxt")).extracting(e -> e.path("rating").asText()).containsExactly("不合格", "不合格");

        // applied again: returned for correction, corrected, two experts' mean below the pass score → refused
        assertThat(apply(CITY).getStatusCode().value()).isEqualTo(201);
        assertThat(status()).isEqualTo("FORMAL_CHECK");
        decide("sgxt", "formalCheck", Map.of("decision", "return", "comment", "缺少创建方案附件"));
        assertThat(status()).isEqualTo("CORRECTION");
        decide(CITY, "correctApplication", Map.of("decision", "approve", "fields", Map.of("theme", "两化两业深度融合（补正）")));
        assertThat(status()).isEqualTo("FORMAL_CHECK");
        ResponseEntity<String> oneExpert = hub.complete("sgxt", task("sgxt", "formalCheck"),
                Map.of("decision", "approve", "fields", Map.of("experts", List.of("expert-1"))));
        assertThat(oneExpert.getStatusCode().value()).isEqualTo(400);
        decide("sgxt", "formalCheck", Map.of("decision", "approve",
                "fields", Map.of("experts", List.of("expert-1", "expert-2"))));
        assertThat(status()).isEqualTo("EXPERT_REVIEW");
        String expert1Task = task("expert-1", "expertReview");
        assertThat(hub.complete("expert-2", expert1Task, score(90)).getStatusCode().value())
                .as("an expert scores only their own assignment").isIn(403, 404);
        for (String worksAnyTask : List.of("admin", "system")) {
            ResponseEntity<String> onBehalf = hub.complete(worksAnyTask, expert1Task, score(90));
            assertThat(onBehalf.getStatusCode().value()).as(worksAnyTask + " scores for expert-1").isEqualTo(400);
            assertThat(onBehalf.getBody()).contains("task.assigneeOnly");
        }
        assertThat(hub.complete("expert-1", expert1Task, score(101)).getStatusCode().value()).isEqualTo(400);
        assertThat(hub.findTask("expert-3", ZONE, "expertReview")).as("expert-3 is not assigned").isEmpty();
        decide("expert-1", "expertReview", score(40));
        decide("expert-2", "expertReview", score(50));
        await().atMost(WAIT).until(() -> status().equals("REFUSED"));
        JsonNode refused = hub.getJson("sgxt", "/api/zones/" + ZONE + "/designation");
        assertThat(refused.path("meanScore").decimalValue()).isEqualByComparingTo("45");
        assertThat(refused.path("reasons").asText()).contains("45").contains("60");

        // applied again: the experts pass it (mean 80), the province refuses it with its reasons
        assertThat(apply(CITY).getStatusCode().value()).isEqualTo(201);
        passExperts();
        assertThat(status()).isEqualTo("DECISION");
        decide("sgxt", "provinceDecision", Map.of("decision", "reject", "comment", "本批次名额已满"));
        await().atMost(WAIT).until(() -> status().equals("REFUSED"));
        assertThat(hub.getJson("sgxt", "/api/zones/" + ZONE + "/designation").path("reasons").asText())
                .isEqualTo("本批次名额已满");

        // applied again: listed in the second batch; a 不合格 year, then 合格 (not two in a row), then 优秀 and
        // the recommendation for national creation
        assertThat(apply(CITY).getStatusCode().value()).isEqualTo(201);
        passExperts();
        assertThat(hub.complete("sgxt", task("sgxt", "provinceDecision"), Map.of("decision", "approve"))
                .getStatusCode().value()).as("listing needs a batch").isEqualTo(400);
        decide("sgxt", "provinceDecision", Map.of("decision", "approve", "fields", Map.of("batch", "第二批")));
        await().atMost(WAIT).until(() -> status().equals("LISTED"));
        assertThat(hub.getJson(CITY, "/api/zones/" + ZONE + "/designation").path("batch").asText()).isEqualTo("第二批");
        yearlyEvaluation(2026, "不合格", false);
        yearlyEvaluation(2027, "合格", false);
        assertThat(status()).isEqualTo("LISTED");
        ResponseEntity<String> recommendFailing = hub.complete("sgxt", awaitYear(2028),
                Map.of("decision", "approve", "fields", Map.of("rating", "合格", "recommend", "true")));
        assertThat(recommendFailing.getStatusCode().value()).as("only 优秀/良好 are recommended").isEqualTo(400);
        decide("sgxt", "annualEvaluation", Map.of("decision", "approve",
                "fields", Map.of("rating", "优秀", "recommend", "true")));
        await().atMost(WAIT).until(() -> status().equals("RECOMMENDED"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ZONE)
                .processDefinitionKey(Designations.PROCESS).count()).isZero();
    }

    @Test
    void aDesignationApplicationRefusesFormulaTextAndAbsurdNumbersNamingEachField() {
        String body = """
                {"theme":"=cmd|' /C calc'!A0","planDocument":"@SUM(A1)","targets":[
                 {"code":"iiot_platforms","name":"+A1+B2","comparator":"AT_LEAST","value":1e10000000,"unit":"个","year":2025},
                 {"code":"green_factories","name":"绿色工厂","comparator":"AT_LEAST","value":10,"unit":"=1+1","year":2025,
                  "baseline":{"year":2020,"value":1e20}}]}""";
        ResponseEntity<String> r = hub.call(CITY, HttpMethod.POST, "/api/zones/" + ZONE + "/designation", body);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
        assertThat(hub.read(r.getBody()).path("fields").findValuesAsText("field"))
                .contains("theme", "planDocument", "targets[0]", "targets[1]");
    }

    @Test
    void theYearOfAnAnnualReportIsAYearNotANumberThatWrapsOrExplodes() {
        resetToFirstBatch(ZONE);
        String pid = runtime.createProcessInstanceQuery().processDefinitionKey(Designations.PROCESS)
                .processInstanceBusinessKey(ZONE).singleResult().getId();
        await().atMost(WAIT).until(() -> management.createTimerJobQuery().processInstanceId(pid).count() == 1);
        management.moveTimerToExecutableJob(management.createTimerJobQuery().processInstanceId(pid).singleResult().getId());
        String report = task(CITY, "annualReport");
        for (Object year : List.of(4_294_969_296L, "1e10000000", "2024.5")) {
            ResponseEntity<String> r = hub.complete(CITY, report, Map.of("decision", "approve",
                    "fields", Map.of("year", year, "report", "年度创建工作总结")));
            assertThat(r.getStatusCode().value()).as(year + ": " + r.getBody()).isEqualTo(400);
            assertThat(r.getBody()).contains("fields.year");
        }
    }

    @Test
    void aCityClerkCannotReadAnotherCitysZoneEvaluationOrIndicators() {
        for (String path : List.of("/api/zones/weifang/evaluations", "/api/zones/weifang/designation",
                "/api/zones/weifang/indicators")) {
            assertThat(hub.call("zibo-gxj", HttpMethod.GET, path, null).getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(hub.call("gxj", HttpMethod.GET, path, null).getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(hub.call("sgxt", HttpMethod.GET, path, null).getStatusCode().value()).as(path).isEqualTo(200);
        }
        String evaluations = "/api/zones/weifang/evaluations";
        assertThat(hub.call("jinan-gxj", HttpMethod.GET, evaluations, null).getStatusCode().value()).isEqualTo(404);
        assertThat(hub.call("supervisor", HttpMethod.GET, evaluations, null).getStatusCode().value()).isEqualTo(200);
        assertThat(hub.call(null, HttpMethod.GET, evaluations, null).getStatusCode().value()).isEqualTo(401);
        assertThat(hub.call("zibo-gxj", HttpMethod.GET, "/api/zones/shandong/indicators", null).getStatusCode().value())
                .isEqualTo(200);
        String zibosPage = page("zibo-gxj", "/province");
        assertThat(zibosPage).contains("data-zone=\"zibo\"").doesNotContain("data-zone=\"weifang\"", "data-zone=\"jinan\"");
    }

    @Test
    void registryAndLedgerIndicatorsAreCountedFromDataMadeHere() {
        BigDecimal aboveScaleBefore = actualOrZero("weifang", "above_scale_industrial_enterprises");
        Map<String, BigDecimal> giantsBefore = series("weifang", "new_champion_little_giant_national");
        Map<String, BigDecimal> newAboveScaleBefore = series("weifang", "new_above_scale_per_year");
        String kuiwen1 = TestEnterprises.uscc("370705");
        String kuiwen2 = TestEnterprises.uscc("370705");
        String small = TestEnterprises.uscc("370783");
        String zibo = TestEnterprises.uscc("370303");
        registry.upsert(List.of(
                enterprise(kuiwen1, "370705", true), enterprise(kuiwen2, "370705", true),
                enterprise(small, "370783", false), enterprise(zibo, "370303", true)));
        paid(kuiwen1, "LITTLE_GIANT_NATIONAL", 2022);
        paid(kuiwen2, "SINGLE_CHAMPION_NATIONAL", 2023);
        paid(zibo, "LITTLE_GIANT_NATIONAL", 2023);          // another city's
        paid(small, "NEW_ABOVE_SCALE", 2024);
        paid(kuiwen1, "NEW_ABOVE_SCALE", 2024);
        ledger.reserve(kuiwen2, "NEW_ABOVE_SCALE", 2024, "IT-" + kuiwen2 + "-reserved"); // not yet paid: not counted

        JsonNode above = indicator("weifang", "above_scale_industrial_enterprises");
        assertThat(above.path("source").asText()).isEqualTo("REGISTRY");
        assertThat(above.path("actual").decimalValue()).isEqualByComparingTo(aboveScaleBefore.add(BigDecimal.valueOf(2)));
        assertThat(above.path("period").asText()).isEqualTo(String.valueOf(LocalDate.now().getYear()));

        Map<String, BigDecimal> giants = series("weifang", "new_champion_little_giant_national");
        assertThat(giants.get("2022")).isEqualByComparingTo(giantsBefore.getOrDefault("2022", BigDecimal.ZERO).add(BigDecimal.ONE));
        assertThat(giants.get("2023")).as("cumulative since 2021")
                .isEqualByComparingTo(giantsBefore.getOrDefault("2023", BigDecimal.ZERO).add(BigDecimal.valueOf(2)));
        assertThat(indicator("weifang", "new_champion_little_giant_national").path("source").asText()).isEqualTo("LEDGER");

        Map<String, BigDecimal> newAboveScale = series("weifang", "new_above_scale_per_year");
        assertThat(newAboveScale.get("2024")).as("per year, paid only")
                .isEqualByComparingTo(newAboveScaleBefore.getOrDefault("2024", BigDecimal.ZERO).add(BigDecimal.valueOf(2)));
    }

    @Test
    void theIndicatorsFeedTakesCsvInBothEncodingsAndXlsxAndListsBadRowsByLine() {
        String utf8 = FeedFiles.unique("indicators", "csv");
        files.drop("indicators", utf8, FeedFiles.utf8("zone_id,indicator_code,period,value",
                "zibo,green_factories,2023,120", "zibo,green_factories,2024-06,160",
                "zibo,no_such_indicator,2024,1", "weifang,above_scale_industrial_enterprises,2024,1"));
        String report = files.awaitArchived("indicators", utf8).orElseThrow();
        assertThat(report).contains("第4行").contains("第5行").doesNotContain("第2行", "第3行");

        String gbk = FeedFiles.unique("indicators", "csv");
        files.drop("indicators", gbk, FeedFiles.gb18030("试验区,指标代码,期间,数值", "jinan,advanced_mfg_revenue_share,2023,71"));
        assertThat(files.awaitArchived("indicators", gbk)).isEmpty();

        String xlsx = FeedFiles.unique("indicators", "xlsx");
        files.drop("indicators", xlsx, FeedFiles.xlsx(List.of(List.of("zone_id", "indicator_code", "period", "value"),
                List.of("shandong", "informatization_industrialization_rank", "2024", 2))));
        assertThat(files.awaitArchived("indicators", xlsx)).isEmpty();

        String noHeader = FeedFiles.unique("indicators", "csv");
        files.drop("indicators", noHeader, FeedFiles.utf8("zone,code,when,how_much", "zibo,green_factories,2024,1"));
        assertThat(files.awaitRejected("indicators", noHeader)).isNotBlank();

        JsonNode green = indicator("zibo", "green_factories");
        assertThat(green.path("source").asText()).isEqualTo("FEED");
        assertThat(green.path("actual").decimalValue()).isEqualByComparingTo("160");
        assertThat(green.path("period").asText()).isEqualTo("2024-06");
        assertThat(green.path("target").decimalValue()).isEqualByComparingTo("190");
        assertThat(green.path("targetYear").asInt()).isEqualTo(2025);
        // 120 at the end of 2023 → 190 (−5 % for 左右) at the end of 2025: mid-2024 expects ~138
        assertThat(green.path("status").asText()).isEqualTo("ON_TRACK");
        assertThat(indicator("jinan", "advanced_mfg_revenue_share").path("status").asText()).isEqualTo("MET");
        assertThat(indicator("shandong", "informatization_industrialization_rank").path("status").asText()).isEqualTo("MET");
        assertThat(indicator("jinan", "national_zone_created").path("status").asText()).isEqualTo("NO_DATA");
    }

    @Test
    void theProvincePageComparesTheZonesTellsWhichAreBehindAndExportsTheComparison() throws Exception {
        String name = FeedFiles.unique("indicators", "csv");
        files.drop("indicators", name, FeedFiles.utf8("zone_id,indicator_code,period,value",
                "yantai,national_zone_created,2025,1", "jining,national_zone_created,2025,1"));
        files.awaitArchived("indicators", name);
        String behind = FeedFiles.unique("indicators", "csv");
        files.drop("indicators", behind, FeedFiles.utf8("zone_id,indicator_code,period,value",
                "zibo,green_design_products,2025,10"));
        assertThat(files.awaitArchived("indicators", behind)).isEmpty();

        String page = page("sgxt", "/province");
        for (String zone : List.of("jinan", "qingdao", "weifang", "jining", "zibo", "yantai")) {
            assertThat(page).contains("data-zone=\"" + zone + "\"");
        }
        String ziboRow = page.substring(page.indexOf("data-zone=\"zibo\""));
        ziboRow = ziboRow.substring(0, ziboRow.indexOf("</tr>"));
        assertThat(ziboRow).as("a zone behind on a target is marked").contains("table-warning")
                .contains("behind text-danger fw-bold");
        assertThat(page).contains("data-code=\"green_design_products\" data-status=\"BEHIND\"")
                .contains("青岛轨道交通装备产业集群").contains("青岛市轨道交通装备产业协会").contains("canvas class=\"trend\"");

        HttpHeaders headers = new HttpHeaders();
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("sgxt", "demo").exchange("/province.xlsx", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet zones = book.getSheetAt(0);
            assertThat(zones.getRow(0).getCell(0).getStringCellValue()).isEqualTo("试验区 Zone");
            assertThat(zones.getLastRowNum()).isEqualTo(6);
            assertThat(zones.getPrintSetup().getLandscape()).isTrue();
            assertThat(zones.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(zones.getFitToPage()).isTrue();
            Sheet indicators = book.getSheetAt(1);
            assertThat(indicators.getRow(0).getCell(10).getStringCellValue()).isEqualTo("状态 Status");
        }
        ResponseEntity<byte[]> cityExport = rest.withBasicAuth("zibo-gxj", "demo").exchange("/province.xlsx",
                HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(cityExport.getBody()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).as("a city exports its own zone").isEqualTo(1);
        }
    }

    private static Enterprise enterprise(String uscc, String county, boolean aboveScale) {
        return new Enterprise(uscc, "测试企业" + uscc.substring(12), county, "高端装备", aboveScale, null, null, null, null);
    }

    private void paid(String uscc, String policy, int year) {
        String app = "IT-" + uscc + "-" + policy;
        ledger.reserve(uscc, policy, year, app);
        ledger.markPaid(app, new BigDecimal("100000.00"), "PAY-" + app.hashCode(), LocalDate.of(year, 12, 1));
    }

    private JsonNode indicator(String zone, String code) {
        for (JsonNode i : hub.getJson("sgxt", "/api/zones/" + zone + "/indicators")) {
            if (code.equals(i.path("code").asText())) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + code + " of " + zone);
    }

    private BigDecimal actualOrZero(String zone, String code) {
        JsonNode a = indicator(zone, code).path("actual");
        return a.isNull() || a.isMissingNode() ? BigDecimal.ZERO : a.decimalValue();
    }

    private Map<String, BigDecimal> series(String zone, String code) {
        Map<String, BigDecimal> m = new HashMap<>();
        indicator(zone, code).path("series").forEach(p -> m.put(p.path("period").asText(), p.path("value").decimalValue()));
        return m;
    }

    private String page(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> r = rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(r.getStatusCode().value()).as(path + " as " + user + ": " + r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private ResponseEntity<String> apply(String user) {
        return hub.call(user, HttpMethod.POST, "/api/zones/" + ZONE + "/designation", Map.of(
                "theme", "“两化两业”深度融合发展",
                "planDocument", "https://gxj.qingdao.example/plan.pdf",
                "targets", List.of(Map.of("code", "iiot_platforms", "name", "工业互联网平台", "comparator", "AT_LEAST",
                        "value", 10, "unit", "个", "year", 2025))));
    }

    private String status() {
        return hub.getJson("sgxt", "/api/zones/" + ZONE + "/designation").path("status").asText();
    }

    private List<JsonNode> evaluations(String user) {
        List<JsonNode> list = new ArrayList<>();
        hub.getJson(user, "/api/zones/" + ZONE + "/evaluations").forEach(list::add);
        return list;
    }

    private String task(String user, String key) {
        return await().atMost(WAIT).until(() -> hub.findTask(user, ZONE, key), Optional::isPresent).get();
    }

    private void decide(String user, String key, Map<String, Object> form) {
        ResponseEntity<String> r = hub.complete(user, task(user, key), form);
        assertThat(r.getStatusCode().value()).as(key + " as " + user + ": " + r.getBody()).isEqualTo(204);
    }

    private static Map<String, Object> score(int score) {
        return Map.of("decision", "approve", "fields", Map.of("score", score));
    }

    private void passExperts() {
        decide("sgxt", "formalCheck", Map.of("decision", "approve"));
        decide("expert-1", "expertReview", score(70));
        decide("expert-2", "expertReview", score(80));
        decide("expert-3", "expertReview", score(90));
        await().atMost(WAIT).until(() -> status().equals("DECISION"));
    }

    /** The year's evaluation comes due (the timer, shortened here), the city reports, the province rates. */
    private String awaitYear(int year) {
        String pid = runtime.createProcessInstanceQuery().processDefinitionKey(Designations.PROCESS)
                .processInstanceBusinessKey(ZONE).singleResult().getId();
        await().atMost(WAIT).until(() -> management.createTimerJobQuery().processInstanceId(pid).count() == 1);
        Job timer = management.createTimerJobQuery().processInstanceId(pid).singleResult();
        management.moveTimerToExecutableJob(timer.getId());
        decide(CITY, "annualReport", Map.of("decision", "approve",
                "fields", Map.of("year", year, "report", year + "年度创建工作总结")));
        return task("sgxt", "annualEvaluation");
    }

    private void yearlyEvaluation(int year, String rating, boolean recommend) {
        String evaluation = awaitYear(year);
        ResponseEntity<String> r = hub.complete("sgxt", evaluation, Map.of("decision", "approve",
                "fields", Map.of("rating", rating, "recommend", String.valueOf(recommend))));
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(204);
        await().atMost(WAIT).until(() -> evaluations("sgxt").stream()
                .anyMatch(e -> e.path("year").asInt() == year && rating.equals(e.path("rating").asText())));
    }

    /** Back to the first batch, as at a first start-up (the database of a MariaDB run outlives the test). */
    private void resetToFirstBatch(String zone) {
        runtime.createProcessInstanceQuery().processDefinitionKey(Designations.PROCESS)
                .processInstanceBusinessKey(zone).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test reset"));
        jdbc.update("DELETE FROM zone_evaluation WHERE zone_id = ?", zone);
        jdbc.update("DELETE FROM zone_designation WHERE zone_id = ?", zone);
        designations.seedListedZones();
        assertThat(status()).isEqualTo("LISTED");
    }
}
