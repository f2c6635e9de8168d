package cn.gov.sd.pilotzone.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.award.AwardCatalog;
import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import org.junit.jupiter.api.Test;

/**
 * config/province/ against the seeds themselves (verbatim copies in src/test/resources/seeds/): every zone and
 * cluster of seed 003 and every dated target of seeds 000, 002, 003 and 004 is present, each with the seed's own
 * words, found in the seed under the clause it names. The seeds' target sentences are found in the seed text,
 * not listed here, so a target left out of the configuration fails the test.
 */
class ProvinceTranscriptionTest {

    static final Map<String, String> SEEDS = Map.of("000", "/seeds/000_c9e7c6c4589840c9.txt",
            "002", "/seeds/002_907a59d832ac7ca9.txt", "003", "/seeds/003_3e2cfc74c437d28c.txt",
            "004", "/seeds/004_32a4d2c60d6da4d2.txt");

    static final ConfigFiles FILES = new ConfigFiles("config");
    static final ProvinceConfig CONFIG = new ProvinceConfig(FILES, new BureauDirectory(FILES), new AwardCatalog(FILES));

    /** A sentence that sets a dated target: by a year, within years, per year, or cumulatively. */
    static final Pattern DATED = Pattern.compile("[^。；]*(到20\\d\\d年|力争\\d年内|年均|力争通过五年左右时间|力争累计|每年培育)[^。；]*");
    /** A phrase of such a sentence that states a quantity. */
    static final Pattern QUANTITY = Pattern.compile("\\d.*(以上|左右|达到|达\\d|%|家|个|条|种|亿|前三)|(以上|左右|达到|%|家|个|条|种|亿|前三).*\\d");
    static final Pattern SECTION = Pattern.compile("(?:^|(?<=[。：）]))([一二三四五六七八九十]+)、");
    static final Pattern SUB = Pattern.compile("（([一二三四五六七八九十]+)）");
    static final Pattern ITEM = Pattern.compile("(?<![\\d.])(\\d{1,2})[．.、](?!\\d)");
    static final Pattern CLAUSE = Pattern.compile("(\\d{3}) ([一二三四五六七八九十]+)(?:\\.\\(([一二三四五六七八九十]+)\\))?(\\d{1,2})?");

    static String seed(String id) {
        try (InputStream in = ProvinceTranscriptionTest.class.getResourceAsStream(SEEDS.get(id))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?U)\\s+", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String compact(String s) {
        return s.replaceAll("(?U)\\s+", "");
    }

    @Test
    void theSixZonesOfSeed003AreTheConfiguredZonesInTheSeedsOrder() {
        assertThat(CONFIG.zones()).extracting(ProvinceZone::id)
                .containsExactly("jinan", "qingdao", "weifang", "jining", "zibo", "yantai");
        assertThat(CONFIG.zones()).allSatisfy(z -> {
            assertThat(z.batch()).isEqualTo("首批");
            assertQuotedUnderClause(z.id(), z.clause(), z.quote());
            assertThat(seed("003")).contains(compact(z.name()).replace("潍坊制造业", "潍坊制造业"));
        });
        // 首批 is the seed's word for the list the six form
        assertThat(seed("003")).contains("遴选形成首批制造业高质量发展试验区示范区名单");
    }

    @Test
    void everyClusterOfSeed003IsConfiguredWithItsPromoterCitiesAndEnterprises() {
        String s = seed("003");
        Matcher m = Pattern.compile("(?<![\\d.])(\\d{1,2})、([^。（]*集群)(（国家级）)?。以([^，]*?)为集群发展促进主体").matcher(s);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(2));
            Cluster c = CONFIG.clusters().stream().filter(x -> x.name().equals(m.group(2))).findFirst().orElseThrow(
                    () -> new AssertionError("cluster " + m.group(2) + " of seed 003 is not configured"));
            assertThat(c.promoter()).as(c.code()).isEqualTo(m.group(4));
            assertThat(c.level()).as(c.code()).isEqualTo(m.group(3) == null ? null : "国家级");
            assertThat(c.clause()).isEqualTo("003 二.(一)" + m.group(1));
            assertQuotedUnderClause(c.code(), c.clause(), c.quote());
            int start = m.start();
            int end = s.indexOf("集群。", m.end());
            String text = s.substring(start, s.indexOf("（二）创建", start) > 0 ? Math.min(nextItem(s, m.end()), s.length()) : end);
            Stream.of(c.centreCities(), c.supportingCities(), c.leadEnterprises()).flatMap(List::stream)
                    .forEach(named -> assertThat(text).as(c.code() + " names " + named).contains(named));
        }
        assertThat(names).hasSize(20);
        assertThat(CONFIG.clusters()).hasSize(20);
    }

    private static int nextItem(String s, int from) {
        int next = s.indexOf("（二）创建制造业高质量发展试验区示范区", from);
        Matcher item = Pattern.compile("(?<![\\d.])\\d{1,2}、[^。]*集群").matcher(s);
        return item.find(from) ? Math.min(item.start(), next) : next;
    }

    @Test
    void everyDatedTargetOfTheSeedsIsConfiguredWithTheSeedsWords() {
        List<String> missing = new ArrayList<>();
        for (String id : SEEDS.keySet()) {
            List<String> quotes = targetsOf(id).stream().map(t -> compact(t.quote())).toList();
            Matcher sentence = DATED.matcher(seed(id));
            while (sentence.find()) {
                for (String phrase : sentence.group().split("[，、]")) {
                    String p = phrase.replaceAll("[。；]$", "");
                    if (!QUANTITY.matcher(p).find() || p.matches(".*20\\d\\d年\\d.*") || p.contains("月")) {
                        continue; // a date (2021年4月29日), a phase (2021年1月至6月), not a quantity
                    }
                    String bare = p.replaceFirst("^(力争)?到2025年", "");
                    if (quotes.stream().noneMatch(q -> q.contains(bare) || p.contains(q))) {
                        missing.add(id + ": " + p);
                    }
                }
            }
        }
        assertThat(missing).as("dated targets of the seeds missing from config/province/targets.yml").isEmpty();
    }

    @Test
    void everyTargetIsANumberWithComparatorUnitAndYearOrMarkedAsText() {
        for (String zone : List.of("shandong", "jinan", "qingdao", "weifang", "jining", "zibo", "yantai")) {
            assertThat(CONFIG.targets(zone)).as(zone).isNotEmpty().allSatisfy(t -> {
                assertThat(t.year()).isNotNull();
                if (t.comparator() == Target.Comparator.TEXT) {
                    assertThat(t.value()).isNull();
                    assertThat(t.text()).isNotBlank();
                } else {
                    assertThat(t.value()).isNotNull();
                    assertThat(t.unit()).isNotBlank();
                }
                assertQuotedUnderClause(zone + "/" + t.code(), t.clause(), t.quote());
            });
        }
        Target jinan = CONFIG.target("jinan", "advanced_mfg_revenue_share").orElseThrow();
        assertThat(jinan.comparator()).isEqualTo(Target.Comparator.AT_LEAST);
        assertThat(jinan.value()).isEqualByComparingTo("70");
        assertThat(jinan.unit()).isEqualTo("%");
        assertThat(CONFIG.target("shandong", "mfg_value_added_share_of_gdp").orElseThrow().comparator())
                .isEqualTo(Target.Comparator.ABOUT);
        assertThat(CONFIG.target("shandong", "informatization_industrialization_rank").orElseThrow().comparator())
                .isEqualTo(Target.Comparator.AT_MOST);
    }

    private static List<Target> targetsOf(String seedId) {
        List<Target> all = new ArrayList<>(CONFIG.targets("shandong"));
        CONFIG.zones().forEach(z -> all.addAll(CONFIG.targets(z.id())));
        return all.stream().filter(t -> t.clause().startsWith(seedId)).toList();
    }

    /**
     * The quote is in the seed, and the clause's section (二、), sub-clause (（二）) and item (1、 or 1.) are the last
     * of their kind before it: the quote is where the clause says.
     */
    static void assertQuotedUnderClause(String what, String clause, String quote) {
        Matcher c = CLAUSE.matcher(clause);
        assertThat(c.matches()).as(what + ": clause " + clause).isTrue();
        String s = seed(c.group(1));
        String q = compact(quote);
        int at = s.indexOf(q);
        assertThat(at).as(what + ": the seed's words " + q).isGreaterThanOrEqualTo(0);
        String before = s.substring(0, Math.min(s.length(), at + 3));
        assertThat(last(SECTION, before)).as(what + ": section of " + clause).isEqualTo(c.group(2));
        if (c.group(3) != null) {
            assertThat(last(SUB, before)).as(what + ": sub-clause of " + clause).isEqualTo(c.group(3));
        }
        if (c.group(4) != null) {
            assertThat(last(ITEM, before)).as(what + ": item of " + clause).isEqualTo(c.group(4));
        }
    }

    private static String last(Pattern p, String text) {
        Matcher m = p.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return found;
    }
}
