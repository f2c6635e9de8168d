package cn.gov.sd.pilotzone.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.registry.TestUscc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Figure 5's data: a year of finished applications put into the hub's database. A few templates are taken to their
 * end the way the hub takes applications there (three approved through the clerks' API by the task-completion
 * figure, then the notice period's timer and the finance receipt: PAID; one rejected at county review through the
 * API: REJECTED); the agent ({@link YearOfData}) then copies them, with their Flowable history, as many times as
 * asked, spread over the year before now.
 */
final class YearLoad {

    private static final int CHUNK = 10_000;
    private static final String REJECT = "{\"decision\":\"reject\",\"comment\":\"基准测试：不符合申报条件\"}";

    private final BenchHub hub;

    YearLoad(BenchHub hub) {
        this.hub = hub;
    }

    /** Copies the templates {@code count} times: a summary line for the report. */
    String load(int count) {
        List<String> templates = templates();
        Set<String> taken = new HashSet<>();
        hub.query("SELECT uscc FROM enterprise").forEach(r -> taken.add(r.get("uscc").asText()));
        List<String> counties = AwardIngest.counties(hub);
        long start = System.nanoTime();
        long rows = 0;
        JsonNode last = null;
        for (int offset = 0; offset < count; offset += CHUNK) {
            int size = Math.min(CHUNK, count - offset);
            Set<String> usccs = new LinkedHashSet<>();
            while (usccs.size() < size) {
                String u = TestUscc.next(counties.get((offset + usccs.size()) % counties.size()));
                if (taken.add(u)) {
                    usccs.add(u);
                }
            }
            last = hub.agent("year", Map.of("templates", templates, "usccs", usccs, "offset", offset, "total", count));
            rows += last.get("rows").asLong();
        }
        return String.format(Locale.ROOT, "year of data: %,d finished applications (templates %s; rows per "
                + "copy %s) copied in %.0f s, %,d rows in all", count, templates,
                last == null ? "–" : last.get("rowsPerCopy"), AwardIngest.seconds(start), rows);
    }

    /** Three applications taken to PAID, one rejected at county review: their ids. */
    private List<String> templates() {
        List<String> paid = new ArrayList<>();
        hub.query("SELECT a.application_id FROM award_application a JOIN ACT_RU_EXECUTION e "
                + "ON e.PROC_INST_ID_ = a.process_instance_id WHERE e.ACT_ID_ = 'publicNotice' ORDER BY a.application_id")
                .forEach(r -> {
                    if (paid.size() < 3) {
                        paid.add(r.get("application_id").asText());
                    }
                });
        if (paid.size() < 3) {
            throw new IllegalStateException("fewer than 3 applications in their public notice period: " + paid);
        }
        JsonNode finished = hub.agent("finishTemplates", Map.of("applicationIds", paid));
        List<String> templates = new ArrayList<>(paid);
        JsonNode open = hub.query("SELECT t.ID_ AS task_id, a.application_id, a.county_code FROM ACT_RU_TASK t "
                + "JOIN award_application a ON a.process_instance_id = t.PROC_INST_ID_ "
                + "WHERE t.TASK_DEF_KEY_ = 'countyReview' ORDER BY a.application_id");
        if (open.isEmpty()) {
            throw new IllegalStateException("no application at county review to reject");
        }
        JsonNode reject = open.get(0);
        Clerk clerk = new Clerk(BureauDirectory.COUNTY_PREFIX + reject.get("county_code").asText(), hub.port()).login();
        HttpResponse<String> r = clerk.post("/api/tasks/" + reject.get("task_id").asText() + "/complete", REJECT);
        if (r.statusCode() != 204) {
            throw new IllegalStateException("rejecting a template: " + r.statusCode() + " " + r.body());
        }
        templates.add(reject.get("application_id").asText());
        Map<String, String> status = new LinkedHashMap<>();
        for (String id : templates) {
            status.put(id, hub.query("SELECT status FROM award_application WHERE application_id = ?", id).get(0)
                    .get("status").asText());
        }
        if (status.values().stream().filter("PAID"::equals).count() != 3
                || !"REJECTED".equals(status.get(reject.get("application_id").asText()))) {
            throw new IllegalStateException("templates did not end as planned: " + status + " " + finished);
        }
        return templates;
    }
}
