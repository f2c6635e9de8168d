package cn.gov.sd.pilotzone.zone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.FeedHandler;
import cn.gov.sd.pilotzone.exchange.JsonFiles;

import org.springframework.stereotype.Component;

/**
 * Inbound feed {@code progress-reports} from the lead bureaus (docs/exchange.md): JSON with {@code zoneId, taskCode,
 * bureau, period, progress (0–100), summary, issues}; one report per file, or an array of reports applied
 * together. A file with any bad report goes to {@code error/} with every reason and nothing recorded.
 */
@Component
class ProgressReportFeed implements FeedHandler {

    static final String FEED = "progress-reports";
    private static final Set<String> FIELDS = Set.of("zoneId", "taskCode", "bureau", "period", "progress", "summary",
            "issues");

    private final ProgressReports reports;
    private final ObjectMapper json = new ObjectMapper();

    ProgressReportFeed(ProgressReports reports) {
        this.reports = reports;
    }

    @Override
    public String feed() {
        return FEED;
    }

    @Override
    public FeedResult accept(String fileName, byte[] content) {
        JsonNode root = tree(content);
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root);
        }
        if (items.isEmpty()) {
            throw new InvalidInputException(Problem.of(null, "file.empty"));
        }
        List<Problem> problems = new ArrayList<>();
        List<ProgressReports.Submission> submissions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = items.size() > 1 ? "[" + i + "]." : "";
            submissions.add(read(items.get(i), prefix, problems));
        }
        // the feed's own problems (unknown fields, wrong types) and the business checks, reported together
        reports.submitAll(submissions, ProgressReport.Source.FEED, "feed:" + FEED, problems);
        return FeedResult.all(submissions.size());
    }

    private ProgressReports.Submission read(JsonNode node, String prefix, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(Problem.of(prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                    "zone.reportNotObject"));
            return null;
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.add(Problem.of(prefix + f, "field.unknown"));
            }
        });
        Integer progress = null;
        JsonNode p = node.get("progress");
        if (p != null && !p.isNull()) {
            if (p.isIntegralNumber() || (p.isTextual() && p.asText().strip().matches("-?\\d{1,3}"))) {
                progress = p.isIntegralNumber() && !p.canConvertToInt() ? Integer.MAX_VALUE : p.asInt();
            } else {
                problems.add(Problem.of(prefix + "progress", "zone.progress", p.asText()));
            }
        }
        return new ProgressReports.Submission(text(node, "zoneId", prefix, problems), text(node, "taskCode", prefix, problems),
                text(node, "bureau", prefix, problems), text(node, "period", prefix, problems), progress,
                text(node, "summary", prefix, problems), text(node, "issues", prefix, problems));
    }

    private static String text(JsonNode node, String name, String prefix, List<Problem> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            problems.add(Problem.of(prefix + name, "field.notText"));
            return null;
        }
        return v.asText();
    }

    private JsonNode tree(byte[] content) {
        JsonNode node = JsonFiles.read(json, content, true);
        if (!(node.isObject() || node.isArray())) {
            throw new InvalidInputException(Problem.of(null, "zone.reportNotObject"));
        }
        return node;
    }
}
