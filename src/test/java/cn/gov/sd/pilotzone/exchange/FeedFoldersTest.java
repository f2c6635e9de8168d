package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.common.InvalidInputException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFoldersTest {

    static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    @TempDir
    Path data;

    FeedFolders folders;

    @BeforeEach
    void setUp() {
        folders = new FeedFolders(new ExchangeLayout(data, Duration.ofSeconds(10), 3, Map.of()),
                Clock.fixed(NOW, ZoneOffset.UTC), mock(AuditTrail.class));
    }

    @Test
    void countsWaitingFilesAsTheRouteWouldTakeThem() throws Exception {
        Path inbox = Files.createDirectories(data.resolve("inbox/enterprises"));
        Files.writeString(inbox.resolve("a.csv"), "x");
        Files.writeString(inbox.resolve("b.xlsx"), "x");
        Files.writeString(inbox.resolve("b.xlsx.done"), "");
        Files.writeString(inbox.resolve(".hidden.csv"), "x");
        Files.writeString(inbox.resolve("c.csv.part"), "x");

        assertThat(folders.waiting("enterprises")).isEqualTo(2);
        assertThat(folders.waiting("credit-records")).isZero();
        assertThat(folders.inboxFeeds()).containsExactly("enterprises");
    }

    @Test
    void listsRejectedFilesWithTheirReasonsAndSkippedRowReportsWithoutFile() throws Exception {
        Path error = Files.createDirectories(data.resolve("error/enterprises"));
        Files.writeString(error.resolve("20250301-075900-123_bad.csv"), "uscc\nX\n");
        Files.writeString(error.resolve("20250301-075900-123_bad.csv.error.txt"),
                "文件被拒绝 / File rejected\nfeed: enterprises\n- 第2行 uscc：太短 / line 2, uscc: too short\n",
                StandardCharsets.UTF_8);
        Files.writeString(error.resolve("20250301-070000-000_partly.csv.error.txt"), "rows skipped\n- line 3\n");

        var errors = folders.errors("enterprises");

        assertThat(errors).hasSize(2);
        var bad = errors.stream().filter(ExchangeStatus.ErrorFile::reprocessable).findFirst().orElseThrow();
        assertThat(bad.originalName()).isEqualTo("bad.csv");
        assertThat(bad.size()).isEqualTo(7);
        assertThat(bad.reason()).contains("第2行 uscc");
        var report = errors.stream().filter(e -> !e.reprocessable()).findFirst().orElseThrow();
        assertThat(report.storedName()).isEqualTo("20250301-070000-000_partly.csv");
        assertThat(folders.errorCount("enterprises")).isEqualTo(1);
    }

    @Test
    void reprocessMovesTheFileBackUnderItsOriginalNameWithANewModificationTime() throws Exception {
        Path error = Files.createDirectories(data.resolve("error/enterprises"));
        Path file = Files.writeString(error.resolve("20250301-075900-123_fixed.csv"), "uscc\nfixed\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-02-01T00:00:00Z")));
        Files.writeString(error.resolve("20250301-075900-123_fixed.csv.error.txt"), "reason");

        String name = folders.reprocess("enterprises", "20250301-075900-123_fixed.csv", "supervisor");

        Path back = data.resolve("inbox/enterprises/fixed.csv");
        assertThat(name).isEqualTo("fixed.csv");
        assertThat(back).hasContent("uscc\nfixed\n");
        assertThat(Files.getLastModifiedTime(back).toInstant()).isEqualTo(NOW);
        assertThat(Files.list(error)).isEmpty();
    }

    @Test
    void reprocessRefusesPathsReportsMissingFilesAndATakenInboxName() throws Exception {
        Path error = Files.createDirectories(data.resolve("error/enterprises"));
        Files.writeString(error.resolve("20250301-075900-123_x.csv"), "x");
        Files.createDirectories(data.resolve("inbox/enterprises"));
        Files.writeString(data.resolve("inbox/enterprises/x.csv"), "waiting");

        assertThatThrownBy(() -> folders.reprocess("enterprises", "../../etc/passwd", "s"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reprocess.badName");
        assertThatThrownBy(() -> folders.reprocess("../inbox", "x.csv", "s"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reprocess.unknownFeed");
        assertThatThrownBy(() -> folders.reprocess("enterprises", "x.csv.error.txt", "s"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reprocess.badName");
        assertThatThrownBy(() -> folders.reprocess("enterprises", "nothing.csv", "s"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reprocess.missing");
        assertThatThrownBy(() -> folders.reprocess("enterprises", "20250301-075900-123_x.csv", "s"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reprocess.inboxTaken");
        assertThat(error.resolve("20250301-075900-123_x.csv")).exists();
        assertThat(data.resolve("inbox/enterprises/x.csv")).hasContent("waiting");
    }
}
