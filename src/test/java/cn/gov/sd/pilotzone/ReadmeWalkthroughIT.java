package cn.gov.sd.pilotzone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The README's award walkthrough as a newcomer follows it on the demo data: the example file of
 * {@code examples/} reaches the county clerk, and is not refused by an award the demo applications already hold.
 */
@HubIntegrationTest
@Import(HubClient.class)
class ReadmeWalkthroughIT {

    @Autowired
    HubClient hub;

    @Test
    void theExampleApplicationReachesTheCountyClerkOnTheDemoData() throws Exception {
        byte[] example = Files.readAllBytes(Path.of("examples", "award-application.json"));
        String applicationId = hub.read(new String(example, StandardCharsets.UTF_8))
                .path("applicationId").asText();

        hub.drop("award-applications", "award-application.json", example);
        hub.awaitIn("archive", "award-applications", "award-application.json");

        assertThat(hub.awaitTask("county-370705", applicationId, "countyReview")).isNotBlank();
        assertThat(hub.application("system", applicationId).path("proposedAmount").decimalValue())
                .isEqualByComparingTo("1200000.00");
    }
}
