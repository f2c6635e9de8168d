package cn.gov.sd.pilotzone.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.common.ConfigFiles.InvalidConfigException;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.zone.ZonePlan.Action;
import cn.gov.sd.pilotzone.zone.ZonePlan.PhaseCode;
import cn.gov.sd.pilotzone.zone.ZonePlan.PlanTask;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped plans (seeds 000 and 002) and the refusal of broken ones, without Spring. */
class ZonePlansTest {

    static final ConfigFiles CONFIG = new ConfigFiles("config");
    static final BureauDirectory BUREAUS = new BureauDirectory(CONFIG);

    @TempDir
    Path temp;

    @Test
    void weifangHasTheTwentyFourTasksOfSeed000InSixActions() {
        ZonePlan weifang = new ZonePlans(CONFIG, BUREAUS).get("weifang");

        assertThat(weifang.actions()).hasSize(6);
        assertThat(weifang.actions()).allSatisfy(a -> assertThat(a.tasks()).hasSize(4));
        assertThat(weifang.tasks()).hasSize(24);
        assertThat(weifang.tasks().map(PlanTask::code)).doesNotHaveDuplicates()
                .startsWith("3.1.1").endsWith("3.6.4");
        assertThat(weifang.actions().stream().map(Action::code)).containsExactly("3.1", "3.2", "3.3", "3.4", "3.5", "3.6");
        PlanTask environment = weifang.task("3.5.3").orElseThrow();
        assertThat(environment.title()).isEqualTo("探索环保服务高质量发展路径");
        assertThat(environment.leadBureaus()).containsExactly("sthjj");
        assertThat(BUREAUS.get("sthjj").name()).isEqualTo("市生态环境局");
        assertThat(environment.supportingUnits()).contains("counties", "kfq", "fgw", "gxj");
        assertThat(weifang.coordinator()).isEqualTo("gxj");
        assertThat(weifang.phases()).extracting(ZonePlan.Phase::code).containsExactly(PhaseCode.values());
        assertThat(weifang.phase(PhaseCode.IMPLEMENTATION).orElseThrow().end()).hasToString("2024-12-31");
    }

    @Test
    void ziboHasItsSixteenTasksLedByZiboBureaus() {
        ZonePlan zibo = new ZonePlans(CONFIG, BUREAUS).get("zibo");

        assertThat(zibo.tasks()).hasSize(16);
        assertThat(zibo.actions()).hasSize(5);
        assertThat(zibo.tasks().map(PlanTask::code)).startsWith("2.1.1").endsWith("2.5.16");
        assertThat(zibo.tasks().flatMap(t -> t.leadBureaus().stream())).allMatch(b -> b.startsWith("zibo-"));
        assertThat(zibo.coordinator()).isEqualTo("zibo-gxj");
    }

    @Test
    void everyZoneFileIsLoaded() {
        assertThat(new ZonePlans(CONFIG, BUREAUS).all()).extracting(ZonePlan::id).containsExactly("weifang", "zibo");
    }

    @Test
    void unknownLeadBureauIsRefusedWithFileAndLine() throws IOException {
        Path file = plan("broken.yml", VALID.replace("leadBureaus: [sthjj]", "leadBureaus: [sthjj, nosuchbureau]"));

        assertThatThrownBy(() -> load())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(file + ":" + lineOf(file, "nosuchbureau") + ": ")
                .hasMessageContaining("unknown bureau nosuchbureau")
                .hasMessageContaining("3.5.3");
    }

    /** Its lead bureaus become the task's candidate groups: one link each, which the task list counts on. */
    @Test
    void aLeadBureauNamedTwiceLeadsOnce() throws IOException {
        plan("twice.yml", VALID.replace("leadBureaus: [yjj, gxj]", "leadBureaus: [yjj, gxj, yjj]"));

        assertThat(load().get("test").task("3.5.4").orElseThrow().leadBureaus()).containsExactly("yjj", "gxj");
    }

    @Test
    void unknownSupportingUnitIsRefused() throws IOException {
        Path file = plan("broken.yml", VALID.replace("supportingUnits: [counties, kfq]",
                "supportingUnits:\n            - counties\n            - kfq-typo"));

        assertThatThrownBy(() -> load())
                .hasMessageContaining(file + ":" + lineOf(file, "kfq-typo") + ": ")
                .hasMessageContaining("unknown bureau kfq-typo in supportingUnits");
    }

    @Test
    void duplicateTaskCodeIsRefusedWithTheLineOfTheSecond() throws IOException {
        Path file = plan("dup.yml", VALID.replace("code: \"3.5.4\"", "code: \"3.5.3\""));
        int second = lineOf(file, "code: \"3.5.3\"", 2);

        assertThatThrownBy(() -> load())
                .hasMessageContaining(file + ":" + second + ": ")
                .hasMessageContaining("duplicate task code 3.5.3 (first at line " + lineOf(file, "code: \"3.5.3\"") + ")");
    }

    @Test
    void duplicateTaskCodeInAnotherActionIsRefusedToo() throws IOException {
        plan("dup.yml", VALID.replace("code: \"3.6.1\"", "code: \"3.5.4\""));

        assertThatThrownBy(() -> load()).hasMessageContaining("duplicate task code 3.5.4");
    }

    @Test
    void everyProblemOfTheFileIsReported() throws IOException {
        plan("many.yml", VALID.replace("leadBureaus: [sthjj]", "leadBureaus: [nosuch1]")
                .replace("leadBureaus: [jrj]", "leadBureaus: [nosuch2]"));

        assertThatThrownBy(() -> load()).hasMessageContaining("nosuch1").hasMessageContaining("nosuch2");
    }

    @Test
    void typeErrorsNameTheLineToo() throws IOException {
        Path file = plan("phase.yml", VALID.replace("code: IMPLEMENTATION", "code: IMPLEMENTING"));

        assertThatThrownBy(() -> load())
                .hasMessageContaining(file + ":" + lineOf(file, "IMPLEMENTING") + ": ");
    }

    @Test
    void phasesOutOfOrderAreRefused() throws IOException {
        Path file = plan("dates.yml", VALID.replace("start: 2021-07-01", "start: 2021-06-01"));

        assertThatThrownBy(() -> load())
                .hasMessageContaining(file + ":" + lineOf(file, "2021-06-01") + ": ")
                .hasMessageContaining("starts before phase MOBILIZATION ends");
    }

    @Test
    void unknownFirstCountyIsRefused() throws IOException {
        Path file = plan("counties.yml", VALID.replace("firstCounties: []", "firstCounties: [county-370705, fgw]"));

        assertThatThrownBy(() -> load())
                .hasMessageContaining(file + ":" + lineOf(file, "firstCounties") + ": ")
                .hasMessageContaining("unknown county fgw");
    }

    @Test
    void duplicateZoneIdAcrossFilesIsRefused() throws IOException {
        plan("a.yml", VALID);
        Path second = plan("b.yml", VALID);

        assertThatThrownBy(() -> load())
                .hasMessageContaining(second + ":" + lineOf(second, "id: test") + ": ")
                .hasMessageContaining("already used by a.yml");
    }

    @Test
    void aValidPlanLoads() throws IOException {
        plan("ok.yml", VALID);

        ZonePlan plan = load().get("test");
        assertThat(plan.tasks()).hasSize(3);
        assertThat(plan.coordinator()).isEqualTo("gxj");
    }

    private ZonePlans load() {
        return new ZonePlans(new ConfigFiles(temp.toString()), BUREAUS);
    }

    private Path plan(String name, String text) throws IOException {
        Files.createDirectories(temp.resolve(ZonePlans.DIR));
        return Files.writeString(temp.resolve(ZonePlans.DIR).resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The 1-based line of the n-th occurrence of the text in the file. */
    private static int lineOf(Path file, String text, int occurrence) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static int lineOf(Path file, String text) throws IOException {
        return lineOf(file, text, 1);
    }

    static final String VALID = """
            # a small plan for the tests
            zone:
              id: test
              name: 测试试验区
              phases:
                - { code: MOBILIZATION,   name: 宣传发动, start: 2021-01-01, end: 2021-06-30 }
                - { code: IMPLEMENTATION, name: 推进实施, start: 2021-07-01, end: 2024-12-31 }
                - { code: ACCEPTANCE,     name: 验收评估, start: 2025-01-01, end: 2025-12-31 }
              acceptance:
                firstCounties: []
              actions:
                - code: "3.5"
                  title: 实施绿色安全发展专项行动
                  tasks:
                    - code: "3.5.3"
                      title: 探索环保服务高质量发展路径
                      leadBureaus: [sthjj]
                      supportingUnits: [counties, kfq]
                    - code: "3.5.4"
                      title: 深化安全领域改革
                      leadBureaus: [yjj, gxj]
                      supportingUnits: []
                - code: "3.6"
                  title: 实施资源要素优化供给专项行动
                  tasks:
                    - code: "3.6.1"
                      title: 完善多元化金融服务体系
                      leadBureaus: [jrj]
            """;
}
