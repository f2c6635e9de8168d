package cn.gov.sd.pilotzone.award;

import java.nio.file.Files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.common.ConfigFiles;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Files {@code config/demo-applications.yml} once, when the demo profile starts on an empty database, through the
 * same intake as the portal's files (form checks, process, automated checks).
 */
@Component
@Order(10) // after the demo enterprises and accounts
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
class DemoApplications implements ApplicationRunner {

    private final ConfigFiles files;
    private final AwardApplicationParser parser;
    private final AwardApplications applications;
    private final ApplicationStore store;

    DemoApplications(ConfigFiles files, AwardApplicationParser parser, AwardApplications applications,
                     ApplicationStore store) {
        this.files = files;
        this.parser = parser;
        this.applications = applications;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        var file = files.dir().resolve("demo-applications.yml");
        if (!Files.exists(file)) {
            return;
        }
        JsonNode list = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("applications");
        for (JsonNode node : list) {
            String id = node.path("applicationId").asText();
            if (store.find(id).isEmpty()) {
                applications.submit(parser.read(node), Channel.APPLY, "demo");
            }
        }
    }
}
