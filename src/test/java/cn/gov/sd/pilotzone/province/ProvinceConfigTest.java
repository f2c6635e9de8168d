package cn.gov.sd.pilotzone.province;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import cn.gov.sd.pilotzone.award.AwardCatalog;
import cn.gov.sd.pilotzone.common.ConfigFiles.InvalidConfigException;
import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed province file stops start-up with the file, the line and every problem. */
class ProvinceConfigTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyConfig() throws IOException {
        Files.createDirectories(dir.resolve("province"));
        for (String f : new String[] {"bureaus.yml", "award-policies.yml", "province/zones.yml", "province/clusters.yml",
                "province/targets.yml"}) {
            Files.copy(Path.of("config", f), dir.resolve(f));
        }
    }

    private ProvinceConfig load() {
        ConfigFiles files = new ConfigFiles(dir.toString());
        return new ProvinceConfig(files, new BureauDirectory(files), new AwardCatalog(files));
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = dir.resolve("province").resolve(file);
        String text = Files.readString(p);
        if (!text.contains(from)) {
            throw new IllegalStateException(from + " not in " + file);
        }
        Files.writeString(p, text.replaceFirst(Pattern.quote(from), to));
    }

    private int lineOf(String file, String text) throws IOException {
        var lines = Files.readAllLines(dir.resolve("province").resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException(text);
    }

    @Test
    void anUnknownBureauIsNamedWithItsFileAndLine() throws IOException {
        replace("zones.yml", "bureau: jining-gxj", "bureau: jining-nobody");
        int line = lineOf("zones.yml", "jining-nobody");
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("zones.yml:" + line + ": unknown bureau jining-nobody");
    }

    @Test
    void aTargetWithoutNumberAndOneFromAnUnknownPolicyAreBothReported() throws IOException {
        replace("targets.yml", "comparator: ABOUT, value: 30,", "comparator: ABOUT,");
        replace("targets.yml", "LITTLE_GIANT_NATIONAL]", "LITTLE_GIANTS]");
        int first = lineOf("targets.yml", "mfg_value_added_share_of_gdp, name: 制造业增加值占全省GDP比重");
        int second = lineOf("targets.yml", "LITTLE_GIANTS");
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("targets.yml:" + first + ": target mfg_value_added_share_of_gdp: ABOUT needs a value")
                .hasMessageContaining("targets.yml:" + second + ": target new_champion_little_giant_national: unknown award policy LITTLE_GIANTS");
    }

    @Test
    void aRepeatedClusterCodeIsRefusedAtItsSecondUse() throws IOException {
        replace("clusters.yml", "code: QD_APPLIANCE", "code: QD_RAIL");
        int secondCode = lineOf("clusters.yml", "name: 青岛智能家电产业集群") - 1;
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("clusters.yml:" + secondCode + ": cluster code QD_RAIL is used twice");
    }

    @Test
    void aTargetOfAnUnknownZoneIsRefused() throws IOException {
        replace("targets.yml", "  qingdao:", "  qingdoa:");
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("targets.yml:" + lineOf("targets.yml", "qingdoa:") + ": unknown zone qingdoa");
    }

    @Test
    void aWrongComparatorNamesTheEntry() throws IOException {
        replace("targets.yml", "comparator: AT_MOST", "comparator: BELOW");
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigException.class).hasMessageContaining("targets.yml:")
                .hasMessageContaining("comparator");
    }
}
