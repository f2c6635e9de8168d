package cn.gov.sd.pilotzone.province;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.gov.sd.pilotzone.award.AwardCatalog;
import cn.gov.sd.pilotzone.common.ConfigFiles.InvalidConfigException;
import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.common.FreeText;
import cn.gov.sd.pilotzone.common.Money;
import cn.gov.sd.pilotzone.common.YamlLines;
import cn.gov.sd.pilotzone.province.Target.Source;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.registry.ClusterCodes;

import org.springframework.stereotype.Component;

/**
 * The province's data of {@code config/province/}: its zones, clusters and targets (docs/province.md,
 * docs/indicators.md), checked at start-up. A file with an unknown bureau, a repeated code, a target without its
 * number or year, or a derivation from an unknown award policy stops the hub with the file, the line and every
 * problem, as the zone plans do: measuring against a wrong target would mislead the province.
 */
@Component
public class ProvinceConfig implements ClusterCodes {

    static final String DIR = "province";
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    static final Pattern CITY_CODE = Pattern.compile("\\d{2}|\\d{4}");

    record Province(String id, String name, String nameEn, String cityCode, String bureau) {
    }

    record ZonesFile(Province province, List<ProvinceZone> zones) {
    }

    record ClustersFile(List<Cluster> clusters) {
    }

    record TargetsFile(Map<String, List<Target>> targets) {
    }

    private record Problem(int line, String text) {
    }

    private final Province province;
    private final Map<String, ProvinceZone> zones = new LinkedHashMap<>();
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    private final Map<String, List<Target>> targets = new LinkedHashMap<>();

    public ProvinceConfig(ConfigFiles files, BureauDirectory bureaus, AwardCatalog awards) {
        Path dir = files.dir().resolve(DIR);
        Path zonesFile = dir.resolve("zones.yml");
        ZonesFile z = files.read(zonesFile, ZonesFile.class);
        List<Problem> problems = new ArrayList<>();
        YamlLines lines = lines(zonesFile);
        if (z == null || z.province() == null || z.zones() == null) {
            throw new InvalidConfigException(zonesFile, 1, "the file needs top-level keys province and zones");
        }
        province = z.province();
        checkArea(province.id(), province.cityCode(), province.bureau(), bureaus, lines, problems, "province");
        for (int i = 0; i < z.zones().size(); i++) {
            ProvinceZone zone = z.zones().get(i);
            checkArea(zone.id(), zone.cityCode(), zone.bureau(), bureaus, lines, problems, "zones", i);
            required(zone.name(), "name", lines, problems, "zones", i);
            required(zone.city(), "city", lines, problems, "zones", i);
            required(zone.clause(), "clause", lines, problems, "zones", i);
            required(zone.theme(), "theme", lines, problems, "zones", i);
            if (zone.id() != null && (zone.id().equals(province.id()) || zones.putIfAbsent(zone.id(), zone) != null)) {
                problems.add(new Problem(lines.line("zones", i, "id"), "zone id " + zone.id() + " is used twice"));
            }
        }
        fail(zonesFile, problems);

        Path clustersFile = dir.resolve("clusters.yml");
        ClustersFile c = files.read(clustersFile, ClustersFile.class);
        lines = lines(clustersFile);
        if (c == null || c.clusters() == null) {
            throw new InvalidConfigException(clustersFile, 1, "the file needs a top-level key clusters");
        }
        for (int i = 0; i < c.clusters().size(); i++) {
            Cluster cluster = c.clusters().get(i);
            if (cluster.code() == null || !CODE.matcher(cluster.code()).matches()) {
                problems.add(new Problem(lines.line("clusters", i, "code"),
                        "cluster code missing or not ASCII letters, digits and _"));
            } else if (clusters.putIfAbsent(cluster.code(), cluster) != null) {
                problems.add(new Problem(lines.line("clusters", i, "code"), "cluster code " + cluster.code()
                        + " is used twice"));
            }
            required(cluster.name(), "name", lines, problems, "clusters", i);
            required(cluster.promoter(), "promoter", lines, problems, "clusters", i);
            required(cluster.clause(), "clause", lines, problems, "clusters", i);
            if (cluster.centreCities().isEmpty()) {
                problems.add(new Problem(lines.line("clusters", i), "cluster " + cluster.code()
                        + " has no centre city"));
            }
            if (cluster.level() != null && !List.of("国家级", "省级").contains(cluster.level())) {
                problems.add(new Problem(lines.line("clusters", i, "level"), "level must be 国家级 or 省级"));
            }
        }
        fail(clustersFile, problems);

        Path targetsFile = dir.resolve("targets.yml");
        TargetsFile t = files.read(targetsFile, TargetsFile.class);
        lines = lines(targetsFile);
        if (t == null || t.targets() == null) {
            throw new InvalidConfigException(targetsFile, 1, "the file needs a top-level key targets");
        }
        for (Map.Entry<String, List<Target>> e : t.targets().entrySet()) {
            String zoneId = e.getKey();
            if (!province.id().equals(zoneId) && !zones.containsKey(zoneId)) {
                problems.add(new Problem(lines.keyLine("targets", zoneId), "unknown zone " + zoneId
                        + " (not the province nor a zone of zones.yml)"));
            }
            List<Target> list = e.getValue() == null ? List.of() : e.getValue();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), awards, i, seen, lines.line("targets", zoneId, i), problems);
            }
            targets.put(zoneId, List.copyOf(list));
        }
        fail(targetsFile, problems);
    }

    /** The checks of one target; also those of a target a city applies with (zoneDesignation). */
    static List<String> problems(Target t, AwardCatalog awards) {
        List<String> p = new ArrayList<>();
        if (t.code() == null || !CODE.matcher(t.code()).matches()) {
            p.add("code missing or not ASCII letters, digits and _");
        }
        if (t.name() == null || t.name().isBlank()) {
            p.add("name is required");
        }
        if (t.comparator() == null) {
            p.add("comparator is required: ABOUT, AT_LEAST, AT_MOST or TEXT");
        } else if (t.comparator().numeric() && (t.value() == null || t.value().signum() < 0)) {
            p.add(t.comparator() + " needs a value of at least 0");
        } else if (!t.comparator().numeric() && (t.text() == null || t.text().isBlank() || t.value() != null)) {
            p.add("a TEXT target has a text and no value");
        }
        if (t.comparator() != null && t.comparator().numeric() && (t.unit() == null || t.unit().isBlank())) {
            p.add("unit is required");
        }
        // the actuals these are compared with follow the money form (indicators feed), and the on-track line does
        // arithmetic on both: a huge exponent would cost seconds of CPU there, so precision and scale are read first
        if (t.value() != null && Money.problem(t.value(), Money.Sign.ANY).isPresent()) {
            p.add("value must be a plain number below 10^12 with at most 2 decimals");
        }
        if (t.year() == null || t.year() < 2000 || t.year() > 2100) {
            p.add("year (the target year) is required, 2000–2100");
        }
        if (t.baseline() != null && (t.baseline().year() == null || t.baseline().value() == null
                || (t.year() != null && t.baseline().year() >= t.year()))) {
            p.add("baseline needs year (before the target year) and value");
        } else if (t.baseline() != null && Money.problem(t.baseline().value(), Money.Sign.ANY).isPresent()) {
            p.add("baseline value must be a plain number below 10^12 with at most 2 decimals");
        }
        for (String text : new String[] {t.name(), t.text(), t.unit(), t.clause(), t.quote()}) {
            if (FreeText.formula(text)) {
                p.add("text starts like a spreadsheet formula (=, +, -, @): " + text);
            }
        }
        if (t.derive() != null) {
            Target.Derivation d = t.derive();
            if (d.from() == null || d.from() == Source.FEED) {
                p.add("derive.from is REGISTRY or LEDGER");
            } else if (d.from() == Source.LEDGER && d.policies().isEmpty()) {
                p.add("a LEDGER derivation names its award policies");
            } else if (d.from() == Source.REGISTRY && d.count() == null) {
                p.add("a REGISTRY derivation says what it counts (count: ABOVE_SCALE)");
            }
            d.policies().stream().filter(code -> awards.find(code).isEmpty())
                    .forEach(code -> p.add("unknown award policy " + code + " in derive.policies"));
        }
        return p;
    }

    private static void check(Target t, AwardCatalog awards, int i, Map<String, Integer> seen, int line,
                              List<Problem> problems) {
        problems(t, awards).forEach(text -> problems.add(new Problem(line, "target " + t.code() + ": " + text)));
        if (t.clause() == null || t.clause().isBlank()) {
            problems.add(new Problem(line, "target " + t.code() + ": clause (where the seed states it) is required"));
        }
        if (t.code() != null) {
            Integer earlier = seen.putIfAbsent(t.code(), line);
            if (earlier != null) {
                problems.add(new Problem(line, "duplicate target " + t.code() + " (first at line " + earlier + ")"));
            }
        }
    }

    private static void checkArea(String id, String cityCode, String bureau, BureauDirectory bureaus, YamlLines lines,
                                  List<Problem> problems, Object... path) {
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new Problem(lines.line(append(path, "id")),
                    "id must be 1 to 32 lower-case ASCII letters, digits or dashes"));
        }
        if (cityCode == null || !CITY_CODE.matcher(cityCode).matches()) {
            problems.add(new Problem(lines.line(append(path, "cityCode")),
                    "cityCode must be the 2- or 4-digit GB/T 2260 prefix (e.g. \"3707\")"));
        }
        if (bureau == null || !bureaus.exists(bureau)) {
            problems.add(new Problem(lines.line(append(path, "bureau")),
                    "unknown bureau " + bureau + " (not in bureaus.yml)"));
        }
    }

    private static void required(String value, String key, YamlLines lines, List<Problem> problems, Object... path) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(lines.line(append(path, key)), key + " is required"));
        }
    }

    private static Object[] append(Object[] path, Object last) {
        Object[] p = Arrays.copyOf(path, path.length + 1);
        p[path.length] = last;
        return p;
    }

    private static void fail(Path file, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        StringBuilder all = new StringBuilder(problems.get(0).text());
        problems.stream().skip(1).forEach(p -> all.append('\n').append(file).append(':').append(p.line())
                .append(": ").append(p.text()));
        throw new InvalidConfigException(file, problems.get(0).line(), all.toString());
    }

    private static YamlLines lines(Path file) {
        try {
            return YamlLines.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String provinceId() {
        return province.id();
    }

    public String provinceName() {
        return province.name();
    }

    public String provinceBureau() {
        return province.bureau();
    }

    public String provinceCityCode() {
        return province.cityCode();
    }

    public Collection<ProvinceZone> zones() {
        return zones.values();
    }

    public Optional<ProvinceZone> zone(String zoneId) {
        return Optional.ofNullable(zoneId == null ? null : zones.get(zoneId));
    }

    /** The province and its zones: every id that has targets. */
    public boolean knows(String zoneId) {
        return province.id().equals(zoneId) || zones.containsKey(zoneId);
    }

    public String cityCode(String zoneId) {
        return province.id().equals(zoneId) ? province.cityCode() : zones.get(zoneId).cityCode();
    }

    public String name(String zoneId) {
        return province.id().equals(zoneId) ? province.name() : zones.get(zoneId).name();
    }

    public Collection<Cluster> clusters() {
        return clusters.values();
    }

    @Override
    public boolean exists(String code) {
        return code != null && clusters.containsKey(code);
    }

    public List<Target> targets(String zoneId) {
        return targets.getOrDefault(zoneId, List.of());
    }

    public Optional<Target> target(String zoneId, String code) {
        return targets(zoneId).stream().filter(t -> t.code().equals(code)).findFirst();
    }

}
