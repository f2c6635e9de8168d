package cn.gov.sd.pilotzone.registry;

import java.util.List;

import cn.gov.sd.pilotzone.common.ConfigFiles;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Loads {@code config/demo-enterprises.yml} into the registry, so a first run has enterprises to award. */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
class DemoEnterprises implements ApplicationRunner {

    record File(List<Enterprise> enterprises) {
    }

    private final ConfigFiles files;
    private final EnterpriseRegistry registry;

    DemoEnterprises(ConfigFiles files, EnterpriseRegistry registry) {
        this.files = files;
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Enterprise> demo = files.read("demo-enterprises.yml", File.class).enterprises();
        registry.upsert(demo.stream().filter(e -> registry.find(e.uscc()).isEmpty()).toList());
    }
}
