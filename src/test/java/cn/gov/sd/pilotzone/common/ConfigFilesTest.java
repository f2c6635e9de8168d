package cn.gov.sd.pilotzone.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    /** The jar started in a folder without config/: the reason says where the hub looks and how to point it. */
    @Test
    void aMissingDataFileSaysWhereTheHubLooksAndHowToPointIt(@TempDir Path elsewhere) {
        ConfigFiles files = new ConfigFiles(elsewhere.resolve("config").toString());

        assertThatThrownBy(() -> files.read("award-policies.yml", Map.class))
                .isInstanceOf(ConfigFiles.InvalidConfigException.class)
                .hasMessageStartingWith(elsewhere.resolve("config").resolve("award-policies.yml") + ": no such file")
                .hasMessageContaining("--hub.home=");
    }
}
