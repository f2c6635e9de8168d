package cn.gov.sd.pilotzone.zone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.common.ConfigFiles.InvalidConfigException;
import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.zone.ZonePlan.Action;
import cn.gov.sd.pilotzone.zone.ZonePlan.Phase;
import cn.gov.sd.pilotzone.zone.ZonePlan.PhaseCode;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every zone plan of {@code config/zones/*.yml}, checked at start-up. A plan naming an unknown bureau, repeating a
 * task code or with phases out of order stops the hub with the file, the line and the problem (all problems of the
 * file, not only the first), because a lifecycle run on a wrong plan would assign work to the wrong bureaus.
 */
@Component
public class ZonePlans {

    private static final Logger log = LoggerFactory.getLogger(ZonePlans.class);

    static final String DIR = "zones";
    static final Pattern ZONE_ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.-]{0,31}");
    static final String COUNTY_TYPE = "county";

    private final Map<String, ZonePlan> byId = new LinkedHashMap<>();

    record File(ZonePlan zone) {
    }

    /** One thing wrong with a plan, at a line of its file. */
    record PlanProblem(int line, String problem) {
    }

    public ZonePlans(ConfigFiles files, BureauDirectory bureaus) {
        Path dir = files.dir().resolve(DIR);
        if (!Files.isDirectory(dir)) {
            log.warn("No zone plans: {} does not exist", dir);
            return;
        }
        Map<String, Path> fileOf = new HashMap<>();
        for (Path file : planFiles(dir)) {
            ZonePlan plan = load(files, bureaus, file);
            Path other = fileOf.putIfAbsent(plan.id(), file);
            if (other != null) {
                throw new InvalidConfigException(file, lines(file).line("zone", "id"),
                        "zone id " + plan.id() + " is already used by " + other.getFileName());
            }
            byId.put(plan.id(), plan);
        }
        log.info("Loaded zone plans: {}", byId.keySet());
    }

    private static List<Path> planFiles(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".yml")
                            || p.getFileName().toString().endsWith(".yaml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZonePlan load(ConfigFiles files, BureauDirectory bureaus, Path file) {
        File parsed = files.read(file, File.class);
        if (parsed == null || parsed.zone() == null) {
            throw new InvalidConfigException(file, 1, "the file must have a top-level key zone");
        }
        ZonePlan plan = parsed.zone();
        List<PlanProblem> problems = check(plan, bureaus, lines(file));
        if (!problems.isEmpty()) {
            PlanProblem first = problems.get(0);
            StringBuilder more = new StringBuilder(first.problem());
            problems.stream().skip(1).forEach(p -> more.append('\n').append(file).append(':').append(p.line())
                    .append(": ").append(p.problem()));
            throw new InvalidConfigException(file, first.line(), more.toString());
        }
        return plan;
    }

    private static YamlLines lines(Path file) {
        try {
            return YamlLines.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem of a bound plan, with the line it is on. */
    static List<PlanProblem> check(ZonePlan plan, BureauDirectory bureaus, YamlLines lines) {
        List<PlanProblem> problems = new ArrayList<>();
        if (plan.id() == null || !ZONE_ID.matcher(plan.id()).matches()) {
            problems.add(new PlanProblem(lines.line("zone", "id"),
                    "zone.id must be 1 to 32 lower-case ASCII letters, digits or dashes, starting with a letter"));
        }
        if (blank(plan.name())) {
            problems.add(new PlanProblem(lines.line("zone", "name"), "zone.name is required"));
        }
        if (!bureaus.exists(plan.coordinator())) {
            problems.add(new PlanProblem(lines.line("zone", "coordinator"),
                    "unknown bureau " + plan.coordinator() + " as coordinator (not in bureaus.yml)"));
        }
        checkPhases(plan.phases(), lines, problems);
        List<String> counties = plan.acceptance().firstCounties();
        for (int i = 0; i < counties.size(); i++) {
            String c = counties.get(i);
            if (!bureaus.find(c).map(Bureau::type).map(COUNTY_TYPE::equals).orElse(false)) {
                problems.add(new PlanProblem(lines.line("zone", "acceptance", "firstCounties", i),
                        "unknown county " + c + " in acceptance.firstCounties (a bureau of type county in bureaus.yml)"));
            }
        }
        if (plan.actions().isEmpty()) {
            problems.add(new PlanProblem(lines.line("zone"), "the plan has no actions"));
        }
        Map<String, Integer> actionCodes = new HashMap<>();
        Map<String, Integer> taskCodes = new HashMap<>();
        for (int a = 0; a < plan.actions().size(); a++) {
            Action action = plan.actions().get(a);
            int actionLine = lines.line("zone", "actions", a, "code");
            if (action.code() == null || !CODE.matcher(action.code()).matches()) {
                problems.add(new PlanProblem(actionLine, "action code missing or not of the form 3.1"));
            } else {
                Integer earlier = actionCodes.putIfAbsent(action.code(), actionLine);
                if (earlier != null) {
                    problems.add(new PlanProblem(actionLine,
                            "duplicate action code " + action.code() + " (first at line " + earlier + ")"));
                }
            }
            if (blank(action.title())) {
                problems.add(new PlanProblem(lines.line("zone", "actions", a), "action " + action.code() + " has no title"));
            }
            if (action.tasks().isEmpty()) {
                problems.add(new PlanProblem(lines.line("zone", "actions", a), "action " + action.code() + " has no tasks"));
            }
            for (int t = 0; t < action.tasks().size(); t++) {
                checkTask(action.tasks().get(t), bureaus, lines, a, t, taskCodes, problems);
            }
        }
        problems.sort(Comparator.comparingInt(PlanProblem::line));
        return problems;
    }

    private static void checkTask(PlanTask task, BureauDirectory bureaus, YamlLines lines, int a, int t,
                                  Map<String, Integer> taskCodes, List<PlanProblem> problems) {
        int codeLine = lines.line("zone", "actions", a, "tasks", t, "code");
        if (task.code() == null || !CODE.matcher(task.code()).matches()) {
            problems.add(new PlanProblem(codeLine, "task code missing or not of the form 3.1.2"));
        } else {
            Integer earlier = taskCodes.putIfAbsent(task.code(), codeLine);
            if (earlier != null) {
                problems.add(new PlanProblem(codeLine,
                        "duplicate task code " + task.code() + " (first at line " + earlier + ")"));
            }
        }
        if (blank(task.title())) {
            problems.add(new PlanProblem(lines.line("zone", "actions", a, "tasks", t), "task " + task.code() + " has no title"));
        }
        if (task.leadBureaus().isEmpty()) {
            problems.add(new PlanProblem(lines.line("zone", "actions", a, "tasks", t, "leadBureaus"),
                    "task " + task.code() + " has no lead bureau"));
        }
        checkBureaus(task, "leadBureaus", task.leadBureaus(), bureaus, lines, a, t, problems);
        checkBureaus(task, "supportingUnits", task.supportingUnits(), bureaus, lines, a, t, problems);
    }

    private static void checkBureaus(PlanTask task, String key, List<String> codes, BureauDirectory bureaus,
                                     YamlLines lines, int a, int t, List<PlanProblem> problems) {
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !bureaus.exists(code)) {
                problems.add(new PlanProblem(lines.line("zone", "actions", a, "tasks", t, key, i),
                        "unknown bureau " + code + " in " + key + " of task " + task.code() + " (not in bureaus.yml)"));
            } else if (codes.indexOf(code) != i) {
                problems.add(new PlanProblem(lines.line("zone", "actions", a, "tasks", t, key, i),
                        "bureau " + code + " named twice in " + key + " of task " + task.code()));
            }
        }
    }

    private static void checkPhases(List<Phase> phases, YamlLines lines, List<PlanProblem> problems) {
        PhaseCode[] expected = PhaseCode.values();
        if (phases.size() != expected.length) {
            problems.add(new PlanProblem(lines.line("zone", "phases"),
                    "the plan needs exactly the phases MOBILIZATION, IMPLEMENTATION, ACCEPTANCE, in this order"));
            return;
        }
        for (int i = 0; i < expected.length; i++) {
            Phase p = phases.get(i);
            int line = lines.line("zone", "phases", i);
            if (p.code() != expected[i]) {
                problems.add(new PlanProblem(line, "phase " + (i + 1) + " must be " + expected[i] + ", not " + p.code()));
            } else if (p.start() == null || p.end() == null || p.end().isBefore(p.start())) {
                problems.add(new PlanProblem(line, "phase " + p.code() + " needs start and end, start not after end"));
            } else if (blank(p.name())) {
                problems.add(new PlanProblem(line, "phase " + p.code() + " has no name"));
            } else if (i > 0 && phases.get(i - 1).end() != null && !p.start().isAfter(phases.get(i - 1).end())) {
                problems.add(new PlanProblem(line, "phase " + p.code() + " starts before phase "
                        + phases.get(i - 1).code() + " ends"));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Collection<ZonePlan> all() {
        return byId.values();
    }

    public Optional<ZonePlan> find(String zoneId) {
        return Optional.ofNullable(zoneId == null ? null : byId.get(zoneId));
    }

    public ZonePlan get(String zoneId) {
        return find(zoneId).orElseThrow(() -> new IllegalArgumentException("unknown zone " + zoneId));
    }
}
