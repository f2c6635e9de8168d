package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.award.AmountRule.Type;
import cn.gov.sd.pilotzone.award.AwardPolicy.InputType;
import cn.gov.sd.pilotzone.common.ConfigFiles.InvalidConfigException;
import cn.gov.sd.pilotzone.common.ConfigFiles;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped catalog ({@code config/award-policies.yml}, read through the real classes) against seed 001 itself
 * (a verbatim copy in {@code src/test/resources/seeds/}): every amount below is derived from the seed's wording,
 * never from the catalog, so the catalog cannot drift from the document.
 */
class AwardCatalogTest {

    /** Seed 001: 潍政字〔2022〕25号. */
    static final String SEED_001 = "/seeds/001_6452547a1f9eb020.txt";
    static final String DOCUMENT = "潍政字〔2022〕25号";

    /** docs/processes.md, "Award catalog codes". */
    static final List<String> SPEC_CODES = List.of("TECH_RENOVATION", "SMART_FACTORY_DEMO_NATIONAL",
            "SMART_SCENARIO_NATIONAL", "SMART_FACTORY_PROVINCIAL", "SMART_SCENARIO_PROVINCIAL",
            "DIGITAL_WORKSHOP_PROVINCIAL", "SMART_SOLUTION_PROVIDER_PROVINCIAL", "IIOT_PLATFORM_NATIONAL",
            "IIOT_PLATFORM_PROVINCIAL", "IDENTIFIER_NODE", "GREEN_MANUFACTURING", "INDUSTRIAL_DESIGN",
            "SERVICE_MFG_NATIONAL", "SERVICE_MFG_PROVINCIAL", "FIRST_SET_INSURANCE", "STANDARD_INTERNATIONAL",
            "STANDARD_NATIONAL", "STANDARD_INDUSTRY", "CLUSTER_NATIONAL", "CLUSTER_PROVINCIAL",
            "SINGLE_CHAMPION_NATIONAL", "SINGLE_CHAMPION_PROVINCIAL", "SINGLE_CHAMPION_RECHECK_NATIONAL",
            "SINGLE_CHAMPION_RECHECK_PROVINCIAL", "LITTLE_GIANT_NATIONAL", "UNICORN_PROVINCIAL", "GAZELLE_PROVINCIAL",
            "SRDI_RECHECK_NATIONAL", "SRDI_RECHECK_PROVINCIAL", "SME_PLATFORM_NATIONAL", "SME_PLATFORM_PROVINCIAL",
            "NEW_ABOVE_SCALE");

    private static final AwardCatalog CATALOG = new AwardCatalog(new ConfigFiles("config"));
    private static final String SEED = seedText();

    // ---- (a) the codes ----

    @Test
    void catalogHasEveryCodeOfTheSpecAndNoOtherEntryFromSeed001() {
        List<String> fromSeed001 = CATALOG.all().stream().filter(p -> p.clause().startsWith(DOCUMENT))
                .map(AwardPolicy::code).toList();

        assertThat(fromSeed001).containsExactlyInAnyOrderElementsOf(SPEC_CODES);
    }

    @Test
    void everySpecCodeHasAnExpectationDerivedFromTheSeed() {
        Stream<String> expected = Stream.concat(seedAmounts().map(a -> (String) a.get()[0]),
                Stream.of("TECH_RENOVATION", "FIRST_SET_INSURANCE"));

        assertThat(expected).containsExactlyInAnyOrderElementsOf(SPEC_CODES);
    }

    // ---- (b) proposed amounts ----

    /**
     * Code, rule type and amount in yuan as read from the seed, with the seed's wording that says so ("分别" lists
     * are matched in order; "最高" makes it UP_TO, a plain "奖励/资助" FIXED, no amount DISCRETIONARY).
     */
    static Stream<Arguments> seedAmounts() {
        String smartNational = "对新入选国家级智能制造示范工厂和智能制造优秀场景的企业,分别奖励 50 万元、20 万元";
        String smartProvincial = "对新入选省级智能工厂和智能制造场景、数字化车间及智能制造系统解决方案供应商的企业,分别奖励 30 万元、10 万元";
        String iiot = "对新入选的国家级、省级工业互联网平台,分别给予最高 300 万元、20 万元奖励";
        String serviceMfg = "对新认定的国家级、省级服务型制造示范企业(平台、项目),由市级财政分别给予50万元、20万元奖励";
        String standards = "对主导制(修)订国际标准、国家标准、行业标准的企业,分别给予一次性资助50万元、30万元、20万元";
        String champion = "对新认定为国家级、省级制造业单项冠军的企业,市级财政分别给予最高80万元、50万元奖励";
        String championRecheck = "对通过国家级、省级制造业单项冠军动态复核的企业,市级财政分别给予最高20万元、10万元奖励";
        String unicornGazelle = "对新认定为省级“独角兽”“瞪羚”的企业,市级财政分别给予最高100万元、20万元奖励";
        String srdiRecheck = "对通过国家、省动态复核的专精特新优质企业,市级财政分别 给予最高 20 万元、10 万元奖励";
        String smePlatform = "对新认定为国家级和省级中小企业公共服务示范平台、小型微型企业创新创业示范基地的,市级财政分别奖励 30 万元、15 万元";
        return Stream.of(
                Arguments.of("SMART_FACTORY_DEMO_NATIONAL", Type.FIXED, "500000.00", smartNational),
                Arguments.of("SMART_SCENARIO_NATIONAL", Type.FIXED, "200000.00", smartNational),
                Arguments.of("SMART_FACTORY_PROVINCIAL", Type.FIXED, "300000.00", smartProvincial),
                Arguments.of("SMART_SCENARIO_PROVINCIAL", Type.FIXED, "100000.00", smartProvincial),
                Arguments.of("DIGITAL_WORKSHOP_PROVINCIAL", Type.FIXED, "100000.00", smartProvincial),
                Arguments.of("SMART_SOLUTION_PROVIDER_PROVINCIAL", Type.FIXED, "100000.00", smartProvincial),
                Arguments.of("IIOT_PLATFORM_NATIONAL", Type.UP_TO, "3000000.00", iiot),
                Arguments.of("IIOT_PLATFORM_PROVINCIAL", Type.UP_TO, "200000.00", iiot),
                Arguments.of("IDENTIFIER_NODE", Type.UP_TO, "1000000.00",
                        "工业互联网标识解析二级节点建设运营企业,一次性给予最高不超过 100 万元奖励"),
                Arguments.of("GREEN_MANUFACTURING", Type.DISCRETIONARY, null,
                        "对新列入国家和省绿色工厂、绿色园区、绿色供应链管理企业以及水效、能效“领跑者”名单的工业企业,择优给予支持"),
                Arguments.of("INDUSTRIAL_DESIGN", Type.DISCRETIONARY, null,
                        "对省级工业设计研究院,市级工业设计中心、工业设计公共服务平台、优秀工业设计项目等给予一定扶持"),
                Arguments.of("SERVICE_MFG_NATIONAL", Type.FIXED, "500000.00", serviceMfg),
                Arguments.of("SERVICE_MFG_PROVINCIAL", Type.FIXED, "200000.00", serviceMfg),
                Arguments.of("STANDARD_INTERNATIONAL", Type.FIXED, "500000.00", standards),
                Arguments.of("STANDARD_NATIONAL", Type.FIXED, "300000.00", standards),
                Arguments.of("STANDARD_INDUSTRY", Type.FIXED, "200000.00", standards),
                Arguments.of("CLUSTER_NATIONAL", Type.UP_TO, "1000000.00",
                        "对新认定的国家级先进制造业集群,市级财政给予其支撑组织机构最高100万元奖励"),
                Arguments.of("CLUSTER_PROVINCIAL", Type.UP_TO, "500000.00",
                        "对新认定的省特色产业集群,市级财政给予每家申报主体最高50万元奖励"),
                Arguments.of("SINGLE_CHAMPION_NATIONAL", Type.UP_TO, "800000.00", champion),
                Arguments.of("SINGLE_CHAMPION_PROVINCIAL", Type.UP_TO, "500000.00", champion),
                Arguments.of("SINGLE_CHAMPION_RECHECK_NATIONAL", Type.UP_TO, "200000.00", championRecheck),
                Arguments.of("SINGLE_CHAMPION_RECHECK_PROVINCIAL", Type.UP_TO, "100000.00", championRecheck),
                Arguments.of("LITTLE_GIANT_NATIONAL", Type.UP_TO, "800000.00",
                        "对新认定为国家级专精特新“小巨人”的企业,市级财政给予最高80万元奖励"),
                Arguments.of("UNICORN_PROVINCIAL", Type.UP_TO, "1000000.00", unicornGazelle),
                Arguments.of("GAZELLE_PROVINCIAL", Type.UP_TO, "200000.00", unicornGazelle),
                Arguments.of("SRDI_RECHECK_NATIONAL", Type.UP_TO, "200000.00", srdiRecheck),
                Arguments.of("SRDI_RECHECK_PROVINCIAL", Type.UP_TO, "100000.00", srdiRecheck),
                Arguments.of("SME_PLATFORM_NATIONAL", Type.FIXED, "300000.00", smePlatform),
                Arguments.of("SME_PLATFORM_PROVINCIAL", Type.FIXED, "150000.00", smePlatform),
                Arguments.of("NEW_ABOVE_SCALE", Type.DISCRETIONARY, null, "对生产效益稳定的新升规工业企业,给予一定资金奖励"));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("seedAmounts")
    void proposedAmountIsTheOneSeed001States(String code, Type type, String yuan, String wording) {
        String words = normalise(wording);
        assertThat(normalise(SEED)).as("the wording is the seed's").contains(words);
        if (yuan != null) {
            String wan = new BigDecimal(yuan).movePointLeft(4).stripTrailingZeros().toPlainString() + "万元";
            assertThat(words).as("the seed states %s", wan).contains(wan);
            assertThat(words.contains("最高")).as("最高 makes an UP_TO rule").isEqualTo(type == Type.UP_TO);
        }

        AwardPolicy policy = policy(code);
        Optional<BigDecimal> proposed = policy.rule().propose(Map.of());

        assertThat(policy.rule().type()).isEqualTo(type);
        if (yuan == null) {
            assertThat(proposed).isEmpty();
            // the clause names no amount: the ceiling is configuration's (docs/money-rules.md), never unbounded
            assertThat(policy.rule().maximum(Map.of())).contains(policy.rule().cap());
        } else {
            assertThat(proposed).contains(new BigDecimal(yuan));
            assertThat(proposed.get().scale()).isEqualTo(2);
            assertThat(policy.rule().maximum(Map.of())).isEqualTo(proposed);
        }
    }

    @Test
    void techRenovationIsTenPercentOfEquipmentBelowTheCap() {
        assertThat(normalise(SEED)).contains(normalise("按照不高于设备购置款的10%给予补贴"));

        assertThat(propose("TECH_RENOVATION", "equipmentInvestment", "12000000.00")).isEqualTo("1200000.00");
        assertThat(propose("TECH_RENOVATION", "equipmentInvestment", "49999999.99")).isEqualTo("5000000.00");
        assertThat(propose("TECH_RENOVATION", "equipmentInvestment", "123456.78")).isEqualTo("12345.68");
        assertThat(propose("TECH_RENOVATION", "equipmentInvestment", "0.04")).isEqualTo("0.00");
    }

    @Test
    void techRenovationExactlyAtTheCapIsFiveMillion() {
        assertThat(propose("TECH_RENOVATION", "equipmentInvestment", "50000000.00")).isEqualTo("5000000.00");
    }

    @Test
    void techRenovationIsCappedAtFiveMillionPerProject() {
        assertThat(normalise(SEED)).contains(normalise("单个项目补贴不 超过 500 万元"));

        assertThat(propose("TECH_RENOVATION", "equipmentInvestment", "50000000.01")).isEqualTo("5000000.00");
        assertThat(propose("TECH_RENOVATION", "equipmentInvestment", "80000000")).isEqualTo("5000000.00");
        assertThat(propose("TECH_RENOVATION", "equipmentInvestment", "3000000000.00")).isEqualTo("5000000.00");
    }

    @Test
    void firstSetInsuranceIsTwentyPercentOfThePremiumCappedAtOneMillion() {
        assertThat(normalise(SEED)).contains(normalise("市级财政再给予20%的配套保险补偿,最高不超过100万元"));

        assertThat(propose("FIRST_SET_INSURANCE", "insurancePremium", "2000000.00")).isEqualTo("400000.00");
        assertThat(propose("FIRST_SET_INSURANCE", "insurancePremium", "333333.33")).isEqualTo("66666.67");
        assertThat(propose("FIRST_SET_INSURANCE", "insurancePremium", "5000000.00")).isEqualTo("1000000.00");
        assertThat(propose("FIRST_SET_INSURANCE", "insurancePremium", "9000000.00")).isEqualTo("1000000.00");
    }

    @Test
    void percentageRulesTakeTheirBaseFromAMoneyInputOfTheApplication() {
        assertThat(policy("TECH_RENOVATION").rule().base()).isEqualTo("equipmentInvestment");
        assertThat(policy("TECH_RENOVATION").inputs()).extracting(AwardPolicy.Input::name, AwardPolicy.Input::type)
                .containsExactly(Tuple.tuple("equipmentInvestment", InputType.MONEY));
        assertThat(policy("FIRST_SET_INSURANCE").rule().base()).isEqualTo("insurancePremium");
        assertThat(policy("FIRST_SET_INSURANCE").inputs()).extracting(AwardPolicy.Input::name, AwardPolicy.Input::type)
                .containsExactly(Tuple.tuple("insurancePremium", InputType.MONEY));
    }

    @Test
    void percentageProposalIsTheMostAReviewerMayApprove() {
        AmountRule rule = policy("TECH_RENOVATION").rule();
        Map<String, Object> inputs = Map.of("equipmentInvestment", new BigDecimal("12000000.00"));

        assertThat(rule.maximum(inputs)).isEqualTo(rule.propose(inputs)).contains(new BigDecimal("1200000.00"));
    }

    @Test
    void identifierNodeRequiresTopNodeConnectionAndAMillionResolutions() {
        assertThat(normalise(SEED)).contains(normalise("对接入国家顶级节点、实现实时数据同步和解析服务、标识解析总量不低于 100 万次"));

        assertThat(policy("IDENTIFIER_NODE").inputs()).extracting(AwardPolicy.Input::name, AwardPolicy.Input::type,
                AwardPolicy.Input::min, AwardPolicy.Input::mustBe).containsExactlyInAnyOrder(
                Tuple.tuple("resolutionCount", InputType.INTEGER, 1_000_000L, null),
                Tuple.tuple("topNodeConnected", InputType.BOOLEAN, null, true));
    }

    // ---- (c) clauses ----

    static Stream<AwardPolicy> policies() {
        return CATALOG.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void clauseCitesSeed001AndItsQuoteIsInTheSeed(AwardPolicy policy) {
        assertThat(policy.clause()).startsWith(DOCUMENT);
        String clause = policy.clause();
        int open = clause.indexOf('“');
        int close = clause.lastIndexOf('”');
        if (open < 0) {
            assertThat(close).as("unbalanced quote").isNegative();
            return;
        }
        assertThat(close).as("unbalanced quote").isGreaterThan(open);
        // "…" in a quote leaves words out: the parts must appear in the seed in that order
        String seed = normalise(SEED);
        int from = 0;
        for (String part : clause.substring(open + 1, close).split("…")) {
            String words = normalise(part);
            if (words.isEmpty()) {
                continue;
            }
            int at = seed.indexOf(words, from);
            assertThat(at).as("%s quotes “%s”, not in seed 001", policy.code(), part).isNotNegative();
            from = at + words.length();
        }
    }

    @Test
    void mostClausesQuoteTheSeedVerbatim() {
        // entries sharing a sentence may say 同上 (same as above) instead of repeating the quote
        assertThat(policies().filter(p -> p.clause().contains("“"))).hasSizeGreaterThanOrEqualTo(20);
        assertThat(policies().filter(p -> !p.clause().contains("“")))
                .allSatisfy(p -> assertThat(p.clause()).contains("同上"));
    }

    @Test
    void normalisationIgnoresWhitespaceAndFullWidthPunctuation() {
        assertThat(normalise("给予补贴，单个项目补贴不\n\n超过 500 万元（平台、项目）‘小巨人’"))
                .isEqualTo(normalise("给予补贴,单个项目补贴不超过500万元(平台、项目)“小巨人”"));
    }

    // ---- (d) validity windows ----

    @Test
    void everyWindowRunsFromTheIssueDateToTheExpiryOfSeed001() {
        LocalDate issued = chineseDate(find("(\\d{4}年\\d{1,2}月\\d{1,2}日)印发"));
        LocalDate expires = chineseDate(find("有效期至(\\d{4}年\\d{1,2}月\\d{1,2}日)"));
        assertThat(normalise(SEED)).contains("本意见自印发之日起实施");
        assertThat(issued).isEqualTo(LocalDate.of(2022, 9, 23));
        assertThat(expires).isEqualTo(LocalDate.of(2025, 12, 31));

        assertThat(CATALOG.all()).allSatisfy(p -> {
            assertThat(p.validFrom()).as(p.code()).isEqualTo(issued);
            assertThat(p.validTo()).as(p.code()).isEqualTo(expires);
        });
    }

    @Test
    void windowIncludesBothEndDays() {
        AwardPolicy policy = policy("SINGLE_CHAMPION_NATIONAL");

        assertThat(policy.validOn(LocalDate.of(2022, 9, 22))).isFalse();
        assertThat(policy.validOn(LocalDate.of(2022, 9, 23))).isTrue();
        assertThat(policy.validOn(LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(policy.validOn(LocalDate.of(2026, 1, 1))).isFalse();
    }

    @Test
    void unknownOrMissingCodeFindsNothing() {
        assertThat(CATALOG.find("NO_SUCH_POLICY")).isEmpty();
        assertThat(CATALOG.find(null)).isEmpty();
    }

    // ---- (e) broken catalogs ----

    private static final String GOOD_ENTRY = """
              - code: SINGLE_CHAMPION_NATIONAL
                clause: 潍政字〔2022〕25号 三.(二) “最高80万元”
                validFrom: 2022-09-23
                validTo: 2025-12-31
                rule: { type: UP_TO, cap: 800000.00 }
            """;

    @Test
    void aMinimalCatalogLoads(@TempDir Path dir) throws IOException {
        AwardCatalog catalog = catalog(dir, "policies:\n" + GOOD_ENTRY);

        assertThat(catalog.all()).extracting(AwardPolicy::code).containsExactly("SINGLE_CHAMPION_NATIONAL");
    }

    @Test
    void policyWithoutClauseIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        assertRefused(dir, "policies:\n" + GOOD_ENTRY.replace("clause: 潍政字〔2022〕25号 三.(二) “最高80万元”", "name: x"),
                "SINGLE_CHAMPION_NATIONAL", "clause");
    }

    @Test
    void policyWithBlankClauseIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, "policies:\n" + GOOD_ENTRY.replace("潍政字〔2022〕25号 三.(二) “最高80万元”", "\"  \""),
                "clause");
    }

    @Test
    void duplicateCodeIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        assertRefused(dir, "policies:\n" + GOOD_ENTRY + GOOD_ENTRY, "duplicate policy code SINGLE_CHAMPION_NATIONAL");
    }

    @Test
    void percentageWithoutItsBaseAmongTheInputsIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, """
                policies:
                  - code: TECH_RENOVATION
                    clause: 潍政字〔2022〕25号 二.(一).1 “10%”
                    validFrom: 2022-09-23
                    validTo: 2025-12-31
                    rule: { type: PERCENTAGE, rate: 0.10, base: equipmentInvestment, cap: 5000000.00 }
                    inputs: [ { name: equipmentPurchase, type: MONEY } ]
                """, "TECH_RENOVATION", "PERCENTAGE");
    }

    @Test
    void percentageWithoutCapIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, """
                policies:
                  - code: TECH_RENOVATION
                    clause: 潍政字〔2022〕25号 二.(一).1 “10%”
                    validFrom: 2022-09-23
                    validTo: 2025-12-31
                    rule: { type: PERCENTAGE, rate: 0.10, base: equipmentInvestment }
                    inputs: [ { name: equipmentInvestment, type: MONEY } ]
                """, "PERCENTAGE");
    }

    @Test
    void fixedWithoutAmountAndUpToWithoutCapAreRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, "policies:\n" + GOOD_ENTRY.replace("{ type: UP_TO, cap: 800000.00 }", "{ type: FIXED }"),
                "FIXED");
        assertRefused(dir, "policies:\n" + GOOD_ENTRY.replace("{ type: UP_TO, cap: 800000.00 }", "{ type: UP_TO }"),
                "UP_TO");
    }

    @Test
    void policyWithoutValidityWindowIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, "policies:\n" + GOOD_ENTRY.replace("    validTo: 2025-12-31\n", ""), "validTo");
    }

    @Test
    void misspelledPropertyIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        // the line is where Jackson noticed (the end of the entry, records are built after their mapping is
        // read); the path names the entry and the property
        assertThatThrownBy(() -> catalog(dir, "policies:\n" + GOOD_ENTRY + GOOD_ENTRY.replace("validTo:", "validUntil:")
                .replace("SINGLE_CHAMPION_NATIONAL", "SINGLE_CHAMPION_PROVINCIAL")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageMatching("\\Q" + dir.resolve("award-policies.yml") + "\\E:\\d+: policies\\[1]\\.validUntil: .*");
    }

    @Test
    void unknownRuleTypeIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, "policies:\n" + GOOD_ENTRY.replace("UP_TO", "AT_MOST"), "AT_MOST");
    }

    @Test
    void missingCatalogFileIsRefusedNamingTheFile(@TempDir Path dir) {
        assertThatThrownBy(() -> new AwardCatalog(new ConfigFiles(dir.toString())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(dir.resolve("award-policies.yml").toString());
    }

    // ---- helpers ----

    private static void assertRefused(Path dir, String yaml, String... mentions) throws IOException {
        assertThatThrownBy(() -> catalog(dir, yaml))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(dir.resolve("award-policies.yml").toString())
                .hasMessageContainingAll(mentions);
    }

    private static AwardCatalog catalog(Path dir, String yaml) throws IOException {
        Files.writeString(dir.resolve("award-policies.yml"), yaml);
        return new AwardCatalog(new ConfigFiles(dir.toString()));
    }

    static AwardPolicy policy(String code) {
        return CATALOG.find(code).orElseThrow(() -> new AssertionError("no policy " + code));
    }

    private static String propose(String code, String input, String yuan) {
        BigDecimal proposed = policy(code).rule().propose(Map.of(input, new BigDecimal(yuan))).orElseThrow();
        assertThat(proposed.scale()).as("yuan with 2 decimals").isEqualTo(2);
        return proposed.toPlainString();
    }

    /**
     * For comparing with the seed, whose text has odd line breaks and mixes full- and half-width punctuation:
     * no whitespace, full-width forms folded to ASCII (NFKC), every kind of quotation mark the same.
     */
    static String normalise(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return folded.replaceAll("[\\s\\u3000\\u00A0]+", "").replaceAll("[“”‘’\"'「」『』]", "\"");
    }

    private static String find(String regex) {
        Matcher m = Pattern.compile(regex).matcher(normalise(SEED));
        assertThat(m.find()).as("seed 001 has %s", regex).isTrue();
        return m.group(1);
    }

    private static LocalDate chineseDate(String s) {
        Matcher m = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日").matcher(s);
        assertThat(m.matches()).isTrue();
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static String seedText() {
        try (InputStream in = AwardCatalogTest.class.getResourceAsStream(SEED_001)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + SEED_001);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
