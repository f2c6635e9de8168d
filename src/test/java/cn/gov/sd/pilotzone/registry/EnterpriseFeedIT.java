package cn.gov.sd.pilotzone.registry;

import static org.assertj.core.api.Assertions.assertThat;


import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The enterprises feed's optional 亩产效益 class column (mu_class / 亩产效益等级). */
@HubIntegrationTest
@Import(HubClient.class)
class EnterpriseFeedIT {

    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    HubClient hub;

    FeedFiles files;

    @BeforeEach
    void setUp() {
        files = new FeedFiles(hub);
    }

    @Test
    void theClassIsOptionalAndAFileWithoutItKeepsTheKnownOne() {
        String uscc = TestEnterprises.uscc("370705");
        send("uscc,enterprise_name,county_code,mu_class", uscc + ",奎文亩均测试有限公司,370705,A");
        assertThat(registry.find(uscc).orElseThrow().muClass()).isEqualTo("A");

        send("uscc,enterprise_name,county_code", uscc + ",奎文亩均测试有限公司（更名）,370705");
        Enterprise renamed = registry.find(uscc).orElseThrow();
        assertThat(renamed.name()).isEqualTo("奎文亩均测试有限公司（更名）");
        assertThat(renamed.muClass()).isEqualTo("A");

        send("uscc,enterprise_name,county_code,亩产效益等级", uscc + ",奎文亩均测试有限公司,370705,c类");
        assertThat(registry.find(uscc).orElseThrow().muClass()).isEqualTo("C");
    }

    @Test
    void anUnknownClassRejectsTheFileNamingTheLine() {
        String good = TestEnterprises.uscc("370705");
        String bad = TestEnterprises.uscc("370705");
        String name = FeedFiles.unique("enterprises", "csv");
        files.drop("enterprises", name, FeedFiles.utf8("uscc,enterprise_name,county_code,mu_class",
                good + ",甲有限公司,370705,B", bad + ",乙有限公司,370705,E"));

        assertThat(files.awaitRejected("enterprises", name))
                .contains("第3行 mu_class：").contains("line 3, mu_class: must be A, B, C or D: E");
        assertThat(registry.find(good)).isEmpty();
    }

    private void send(String... lines) {
        String name = FeedFiles.unique("enterprises", "csv");
        files.drop("enterprises", name, FeedFiles.utf8(lines));
        assertThat(files.awaitArchived("enterprises", name)).isEmpty();
    }
}
