package cn.gov.sd.pilotzone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The feeds' message bundle has every key in English and in Chinese. */
class FeedMessagesTest {

    @Test
    void everyKeyInBothLanguages() throws IOException {
        Properties en = load("/messages-feeds.properties");
        Properties zh = load("/messages-feeds_zh.properties");

        assertThat(en.stringPropertyNames()).isNotEmpty().isEqualTo(zh.stringPropertyNames());
        zh.stringPropertyNames().forEach(k -> assertThat(zh.getProperty(k)).as(k).isNotBlank());
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(FeedMessagesTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
