package cn.gov.sd.pilotzone.zone;

import static cn.gov.sd.pilotzone.zone.ZoneItSupport.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * The zone API's scoping (docs/api.md): supervisors see every zone and task, the coordinator its whole zone, a lead or
 * supporting bureau only its tasks, anyone else nothing ("not found"); only lead bureaus report, only the
 * coordinator or an administrator starts a lifecycle, the coordinator with periods within the plan.
 */
@HubIntegrationTest
@Import(HubClient.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZoneApiIT {

    static final String ZONE = "weifang";
    static final Timeline.Overrides QUIET = new Timeline.Overrides("PT0S", "P30D", "P10D", "P10D");
    static final String PLAN_TEXT = "%PDF-1.4 潍坊市创建制造业高质量发展试验区总体方案";

    @Autowired
    ApplicationContext context;
    @Autowired
    ZonePlans plans;
    @Autowired
    ZoneStore store;
    @Autowired
    RuntimeService runtime;

    ZoneItSupport it;
    String pid;

    @BeforeAll
    void startWeifang() {
        it = new ZoneItSupport(context);
        it.cancelIfRunning(ZONE);
        pid = it.start("admin", ZONE, QUIET);
        it.mobilize("gxj", pid, Map.of("name", "总体方案.pdf", "contentType", "application/pdf",
                "content", Base64.getEncoder().encodeToString(PLAN_TEXT.getBytes(StandardCharsets.UTF_8))));
    }

    @AfterAll
    void stopWeifang() {
        it.cancelIfRunning(ZONE);
    }

    @Test
    void zoneListIsScopedToTheCallersBureau() {
        assertThat(ids(it.getList("supervisor", "/api/zones"))).contains("weifang", "zibo");
        assertThat(ids(it.getList("admin", "/api/zones"))).contains("weifang", "zibo");
        assertThat(ids(it.getList("sthjj", "/api/zones"))).containsExactly("weifang");
        assertThat(ids(it.getList("zibo-kjj", "/api/zones"))).containsExactly("zibo");
        assertThat(it.getList("county-370705", "/api/zones")).isEmpty();
    }

    @Test
    void anotherCitysClerkDoesNotFindTheZone() {
        assertThat(status("zibo-gxj", "/api/zones/weifang")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("zibo-gxj", "/api/zones/weifang/bulletin")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("zibo-gxj", "/api/zones/weifang/bulletin.xlsx")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("zibo-gxj", "/api/zones/weifang/bureaus")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("zibo-gxj", "/api/zones/jinan")).as("a zone without a plan").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("jinan-gxj", "/api/zones/qingdao")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("jinan-gxj", "/api/zones/weifang")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("county-370705", "/api/zones/jinan")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("supervisor", "/api/zones/nowhere")).as("an unknown zone").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("sgxt", "/api/zones/shandong")).as("the province is not a zone")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(it.status(null, HttpMethod.GET, "/api/zones")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyZoneOfTheProvinceAnswersThoseWithoutAPlanWithNoPhaseAndNoTasks() {
        for (String zone : List.of("jinan", "qingdao", "jining", "yantai")) {
            Map<String, Object> z = it.get("sgxt", "/api/zones/" + zone);
            assertThat(z.get("zoneId")).isEqualTo(zone);
            assertThat(z).containsEntry("phase", null);
            assertThat((List<?>) z.get("tasks")).isEmpty();
            assertThat(z.get("name").toString()).isNotBlank();
            assertThat(z.get("designation")).as("where it stands in the designation").isNotNull();
            assertThat(it.get("supervisor", "/api/zones/" + zone).get("zoneId")).isEqualTo(zone);
            assertThat(it.get(zone + "-gxj", "/api/zones/" + zone).get("zoneId")).as("its city").isEqualTo(zone);
        }
        assertThat(it.get("jinan-gxj", "/api/zones/jinan").get("name")).isEqualTo("济南黄河流域制造业高质量发展试验区");
        // the province's clerks see the planned zones too, with every task, as supervisors do
        assertThat(codes(it.get("sgxt", "/api/zones/" + ZONE))).hasSize(24);
        assertThat(ids(it.getList("sgxt", "/api/zones")))
                .containsExactlyInAnyOrder("weifang", "zibo", "jinan", "qingdao", "jining", "yantai");
        assertThat(ids(it.getList("jinan-gxj", "/api/zones"))).containsExactly("jinan");

        // its page: designation and targets, and the line that no plan has been loaded
        ResponseEntity<String> page = it.as("jinan-gxj").getForEntity("/zones/jinan", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("id=\"zone-no-plan\"", "尚未载入该试验区的创建任务计划", "id=\"zone-designation\"",
                "data-code=\"advanced_mfg_revenue_share\"");
        assertThat(it.as("sgxt").getForEntity("/zones/jinan", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(it.as("jinan-gxj").getForEntity("/zones", String.class).getBody())
                .contains("data-zone=\"jinan\"", "zone-no-plan").doesNotContain("data-zone=\"weifang\"");
        assertThat(it.as("zibo-gxj").getForEntity("/zones/jinan", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(it.as("supervisor").getForEntity("/zones/nowhere", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClerkSeesOnlyTheTasksItsBureauLeadsOrSupports() {
        Map<String, Object> zone = it.get("sthjj", "/api/zones/" + ZONE);
        List<String> expected = plans.get(ZONE).tasks().filter(t -> t.involves("sthjj")).map(PlanTask::code).toList();
        assertThat(codes(zone)).containsExactlyElementsOf(expected).contains("3.5.3", "3.5.1").hasSizeLessThan(24);
        assertThat(zone.get("phase")).isEqualTo("IMPLEMENTATION");
        assertThat((List<?>) zone.get("documents")).as("the plan document is the coordinator's").isEmpty();

        Map<String, Object> all = it.get("gxj", "/api/zones/" + ZONE);
        assertThat(codes(all)).hasSize(24);
        Map<String, Object> task = ZoneItSupport.zoneTask(all, "3.5.3");
        assertThat(task.get("title")).isEqualTo("探索环保服务高质量发展路径");
        assertThat(task.get("action")).isEqualTo("3.5");
        assertThat((List<Map<String, Object>>) task.get("leadBureaus"))
                .containsExactly(Map.of("code", "sthjj", "name", "市生态环境局"));
        assertThat(task.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(task.get("overdue")).isEqualTo(false);
        assertThat(task.get("overdueDays")).isEqualTo(0);
        assertThat(codes(it.get("supervisor", "/api/zones/" + ZONE))).hasSize(24);
    }

    @Test
    void theCoordinatorDownloadsThePlanDocument() {
        List<Map<String, Object>> docs = docs(it.get("gxj", "/api/zones/" + ZONE));
        assertThat(docs).singleElement().satisfies(d -> {
            assertThat(d.get("type")).isEqualTo("planDocument");
            assertThat(d.get("name")).isEqualTo("总体方案.pdf");
        });
        String path = "/api/zones/" + ZONE + "/documents/" + docs.get(0).get("id");
        ResponseEntity<byte[]> pdf = it.as("gxj").exchange(path, HttpMethod.GET, null, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getBody(), StandardCharsets.UTF_8)).isEqualTo(PLAN_TEXT);
        assertThat(status("sthjj", path)).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void bureauCountsAreScoped() {
        List<Map<String, Object>> all = it.getList("supervisor", "/api/zones/" + ZONE + "/bureaus");
        long sthjjLeads = plans.get(ZONE).tasks().filter(t -> t.ledBy("sthjj")).count();
        assertThat(all).anySatisfy(b -> {
            assertThat(b.get("code")).isEqualTo("sthjj");
            assertThat(b.get("name")).isEqualTo("市生态环境局");
            assertThat(((Number) b.get("open")).longValue()).isEqualTo(sthjjLeads);
            assertThat(b.get("overdue")).isEqualTo(0);
            assertThat(b.get("done")).isEqualTo(0);
        });
        assertThat(all).extracting(b -> b.get("code")).contains("gxj", "fgw", "jrj").doesNotContain("counties", "kfq");
        assertThat(it.getList("sthjj", "/api/zones/" + ZONE + "/bureaus")).extracting(b -> b.get("code"))
                .containsExactly("sthjj");
    }

    @Test
    void onlyALeadBureauReportsOnItsTask() {
        String path = "/api/zones/" + ZONE + "/tasks/3.5.3/reports";
        assertThat(it.post("fgw", path, report("2021-Q3", 10, "配合单位")).getStatusCode())
                .as("a supporting unit").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(it.post("kjj", path, report("2021-Q3", 10, "无关单位")).getStatusCode())
                .as("a bureau of the zone that is not on the task").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(it.post("zibo-gxj", path, report("2021-Q3", 10, "外市")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(it.post("supervisor", path, report("2021-Q3", 10, "督导")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Map<String, Object> forOther = report("2021-Q3", 10, "代报");
        forOther.put("bureau", "gxj");
        assertThat(it.post("sthjj", path, forOther).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(it.post("sthjj", "/api/zones/" + ZONE + "/tasks/9.9.9/reports", report("2021-Q3", 10, "x"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map<String, Object>> bad = it.post("sthjj", path, report("2021-Q3", 150, " "));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("progress", "summary");

        ResponseEntity<Map<String, Object>> ok = it.post("sthjj", path, report("2021-Q3", 35, "环保服务方案起草中"));
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(ok.getBody()).containsEntry("bureau", "sthjj").containsEntry("progress", 35)
                .containsEntry("source", "API");
        Map<String, Object> detail = it.get("fgw", "/api/zones/" + ZONE + "/tasks/3.5.3");
        assertThat(detail.get("reports").toString()).contains("环保服务方案起草中");
        assertThat(detail.get("openTasks").toString()).contains("implementTask", "sthjj");
        assertThat(status("kjj", "/api/zones/" + ZONE + "/tasks/3.5.3")).isEqualTo(HttpStatus.NOT_FOUND);

        // an administrator reports on a bureau's behalf
        Map<String, Object> onBehalf = report("2021-Q3", 40, "系统代报");
        onBehalf.put("bureau", "sthjj");
        assertThat(it.post("admin", path, onBehalf).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        onBehalf.put("bureau", "fgw");
        assertThat(it.post("admin", path, onBehalf).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyTheCoordinatorOrAnAdministratorStartsALifecycle() {
        String path = "/api/zones/" + ZONE + "/lifecycle";
        assertThat(it.post("sthjj", path, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(it.post("supervisor", path, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(it.post("zibo-gxj", path, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(it.post("gxj", path, null).getStatusCode()).as("already running").isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<Map<String, Object>> subDay = it.post("gxj", path, QUIET);
        assertThat(subDay.getStatusCode()).as("sub-day periods are the administrator's")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(subDay.getBody().toString()).contains("mobilizationPeriod", "PT0S");
        ResponseEntity<Map<String, Object>> badPeriod = it.post("admin", "/api/zones/zibo/lifecycle",
                new Timeline.Overrides(null, "three months", null, null));
        assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPeriod.getBody().toString()).contains("implementationPeriod");
        assertThat(it.status("gxj", HttpMethod.DELETE, path)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(it.status("admin", HttpMethod.DELETE, "/api/zones/zibo/lifecycle")).as("nothing running")
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theCoordinatorSetsThePhasePeriodsEachFromADayToThePlansHorizonAndOthersMayNot() {
        String path = "/api/zones/zibo/lifecycle";
        long horizon = ZoneLifecycles.horizonDays(plans.get("zibo"));
        Timeline.Overrides withinPlan = new Timeline.Overrides("P1D", "P" + horizon + "D", "P3M", "P2M");
        it.cancelIfRunning("zibo");
        try {
            ResponseEntity<Map<String, Object>> bad = it.post("zibo-gxj", path,
                    new Timeline.Overrides("PT12H", "P" + (horizon + 1) + "D", "P1D", "P1Y"));
            assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(bad.getBody().toString()).contains("mobilizationPeriod", "PT12H", "implementationPeriod",
                    "P" + (horizon + 1) + "D", String.valueOf(horizon)).doesNotContain("reportPeriod", "P1Y");
            assertThat(it.post("gxj", path, withinPlan).getStatusCode()).as("another city's coordinator")
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(it.post("county-370705", path, withinPlan).getStatusCode()).as("a county")
                    .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
            assertThat(it.post("zibo-kjj", path, withinPlan).getStatusCode()).as("another bureau of the city")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(store.running("zibo")).as("nothing started by a refused call").isEmpty();

            String started = it.start("zibo-gxj", "zibo", withinPlan);
            assertThat(runtime.getVariables(started)).containsEntry("mobilizationPeriod", "P1D")
                    .containsEntry("implementationPeriod", "P" + horizon + "D").containsEntry("reportPeriod", "P3M")
                    .containsEntry("rectificationPeriod", "P2M");
        } finally {
            it.cancelIfRunning("zibo");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClerksBulletinHoldsItsTasks() {
        Map<String, Object> bulletin = it.get("sthjj", "/api/zones/" + ZONE + "/bulletin");
        long involved = plans.get(ZONE).tasks().filter(t -> t.involves("sthjj")).count();
        assertThat(((Map<String, Object>) bulletin.get("totals")).get("tasks")).isEqualTo((int) involved);
        assertThat((List<Map<String, Object>>) bulletin.get("actions")).extracting(a -> a.get("code"))
                .contains("3.5").doesNotContain("3.2");
    }

    private HttpStatusCode status(String user, String path) {
        return it.status(user, HttpMethod.GET, path);
    }

    private static List<Object> ids(List<Map<String, Object>> zones) {
        return zones.stream().map(z -> z.get("zoneId")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> codes(Map<String, Object> zone) {
        return ((List<Map<String, Object>>) zone.get("tasks")).stream().map(t -> t.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> docs(Map<String, Object> zone) {
        return (List<Map<String, Object>>) zone.get("documents");
    }
}
