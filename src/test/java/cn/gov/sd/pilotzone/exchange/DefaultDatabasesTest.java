package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * The H2 URLs of the default configuration open, as {@code mvn spring-boot:run} opens them: the integration tests
 * run on in-memory URLs of their own, so an option H2 refuses in a file URL (it refuses {@code AUTO_SERVER=TRUE}
 * with {@code DB_CLOSE_ON_EXIT=FALSE}) would otherwise first show on a user's machine.
 */
class DefaultDatabasesTest {

    @TempDir
    Path data;

    private static Properties defaults() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("config/application.yml"));
        return yaml.getObject();
    }

    private void opens(String key) throws Exception {
        String url = defaults().getProperty(key).replace("${hub.data-dir}", data.toString());
        assertThat(url).startsWith("jdbc:h2:file:");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void theHubsDefaultDatabaseOpens() throws Exception {
        opens("spring.datasource.url");
    }

    @Test
    void theDefaultExchangeDatabaseOpens() throws Exception {
        opens("hub.exchange.db.url");
    }
}
