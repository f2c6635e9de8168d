package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.gov.sd.pilotzone.exchange.ExchangeLayout.FeedSettings;

import org.junit.jupiter.api.Test;

class ExchangeLayoutTest {

    static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123Z");
    static final ExchangeLayout LAYOUT = new ExchangeLayout(Path.of("/data"), Duration.ofSeconds(10), 3,
            Map.of("enterprises", new FeedSettings(true, null, null), "credit-records", new FeedSettings(null,
                    Duration.ofSeconds(30), null)));

    @Test
    void storedNameIsTheUtcTimeStampAndTheNameUnchangedWhenSafe() {
        assertThat(LAYOUT.storedName("认定名单.csv", NOW)).isEqualTo("20240506-070809-123_认定名单.csv");
    }

    @Test
    void storedNameOfARefusedNameHasNoSeparatorOrControlCharacter() {
        assertThat(LAYOUT.storedName("..\\..\\evil\n.json", NOW)).isEqualTo("20240506-070809-123_.._.._evil_.json");
        assertThat(LAYOUT.storedName("a\u202Eb", NOW)).isEqualTo("20240506-070809-123_a_b");
    }

    @Test
    void storedNameOfALongChineseNameFitsAFileSystemNameWithItsReport() {
        String name = "潍坊市".repeat(27) + ".csv"; // 247 bytes: legal, but not with a time stamp in front
        String stored = LAYOUT.storedName(name, NOW);
        assertThat((stored + ".error.txt").getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(stored).startsWith("20240506-070809-123_~").endsWith("潍坊市.csv");
        assertThat(stored).doesNotContain("\uFFFD");
    }
    @Test
    void originalNameTakesOffOnlyTheStoredNamesTimeStamp() {
        assertThat(LAYOUT.originalName(LAYOUT.storedName("a_b.csv", NOW))).isEqualTo("a_b.csv");
        assertThat(LAYOUT.originalName("20250301-075900-123_a_b.csv")).isEqualTo("a_b.csv");
        assertThat(LAYOUT.originalName("2025_a.csv")).isEqualTo("2025_a.csv");
        assertThat(LAYOUT.originalName("20251399-999999-999_a.csv")).as("not a time").isEqualTo("20251399-999999-999_a.csv");
        assertThat(LAYOUT.originalName("20250301-075900-123_")).isEqualTo("20250301-075900-123_");
    }

    @Test
    void ignoresHiddenMarkerAndPartialFilesOnly() {
        assertThat(LAYOUT.ignored(".x.csv.part")).isTrue();
        assertThat(LAYOUT.ignored("x.csv.done")).isTrue();
        assertThat(LAYOUT.ignored("x.tmp")).isTrue();
        assertThat(LAYOUT.ignored("x.csv")).isFalse();
        assertThat(LAYOUT.ignored("done.csv")).isFalse();
    }

    @Test
    void claimKeyIsFeedNameSizeAndModificationTime() {
        assertThat(LAYOUT.claimKey("/data/inbox/enterprises", "a.csv", 12, 1700000000000L))
                .isEqualTo("enterprises/a.csv-12-1700000000000");
    }

    @Test
    void feedSettingsFallBackToTheHubsAndAMarkerNeedsNoQuietPeriod() {
        assertThat(LAYOUT.doneMarker("enterprises")).isTrue();
        assertThat(LAYOUT.quietPeriod("enterprises")).isZero();
        assertThat(LAYOUT.quietPeriod("credit-records")).isEqualTo(Duration.ofSeconds(30));
        assertThat(LAYOUT.doneMarker("operation-data")).isFalse();
        assertThat(LAYOUT.quietPeriod("operation-data")).isEqualTo(Duration.ofSeconds(10));
        assertThat(LAYOUT.folder(ExchangeLayout.ERROR, "enterprises")).isEqualTo(Path.of("/data/error/enterprises"));
    }

    @Test
    void aQuietPeriodUnderASecondIsRefusedAtStart() {
        assertThatThrownBy(() -> new ExchangeLayout(Path.of("/data"), Duration.ofMillis(500), 3, Map.of()))
                .hasMessageContaining("hub.exchange.quiet-period");
        assertThatThrownBy(() -> new ExchangeLayout(Path.of("/data"), Duration.ofSeconds(10), 3,
                Map.of("enterprises", new ExchangeLayout.FeedSettings(null, Duration.ZERO, null))))
                .hasMessageContaining("hub.exchange.feeds.enterprises.quiet-period");
    }

    @Test
    void aFeedIsTakenOneFileAtATimeUnlessItsWorkersAreSet() {
        ExchangeLayout layout = new ExchangeLayout(Path.of("/data"), Duration.ofSeconds(10), 3,
                Map.of("award-applications", new ExchangeLayout.FeedSettings(null, null, 2),
                        "enterprises", new ExchangeLayout.FeedSettings(true, null, null)));
        assertThat(layout.workers("award-applications")).isEqualTo(2);
        assertThat(layout.workers("enterprises")).isEqualTo(1);
        assertThat(layout.workers("credit-records")).isEqualTo(1);
    }

    @Test
    void workersOutsideOneToEightAreRefusedAtStart() {
        for (int workers : new int[] {0, -1, ExchangeLayout.MAX_WORKERS + 1}) {
            assertThatThrownBy(() -> new ExchangeLayout(Path.of("/data"), Duration.ofSeconds(10), 3,
                    Map.of("award-applications", new ExchangeLayout.FeedSettings(null, null, workers))))
                    .hasMessageContaining("hub.exchange.feeds.award-applications.workers must be between 1 and 8");
        }
    }
}
