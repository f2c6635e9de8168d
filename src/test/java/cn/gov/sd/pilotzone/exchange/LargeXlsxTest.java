package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.exchange.TableReader.Column;
import cn.gov.sd.pilotzone.exchange.TableReader.Row;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a 400,000-row sheet (the 13 MB file that exhausted the hub's heap as an {@code XSSFWorkbook}, and did so
 * again after each restart) is read in a JVM with the hub's own {@code -Xmx512m}.
 */
class LargeXlsxTest {

    static final int ROWS = 400_000;
    static final List<Column> COLUMNS = List.of(Column.code("uscc", "统一社会信用代码", true),
            new Column("period", "期间", true), new Column("revenue", "营业收入", false),
            new Column("profit", "利润", false), new Column("electricity_kwh", "用电量", false),
            new Column("tax", "税收", false));

    @TempDir
    Path dir;

    @Test
    void fourHundredThousandRowSheetIsReadWithinTheHubsHeap() throws Exception {
        Path xlsx = dir.resolve("large.xlsx");
        FeedFiles.largeOperationDataXlsx(xlsx, ROWS);
        assertThat(Files.size(xlsx)).as("the size of the file that killed the hub").isGreaterThan(8L << 20);

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), xlsx.toString())
                .redirectErrorStream(true).start();
        String output;
        try (var in = child.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=" + ROWS + " problems=0 last=91370783MA00400000X");
    }

    /** Reads the file as the hub does (the bytes, then {@link TableReader}) and prints what it read. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            byte[] content = Files.readAllBytes(Path.of(args[0]));
            List<Row> rows = TableReader.read("large.xlsx", content, null, COLUMNS);
            long problems = rows.stream().mapToLong(r -> r.problems().size()).sum();
            Runtime rt = Runtime.getRuntime();
            System.out.println("rows=" + rows.size() + " problems=" + problems + " last="
                    + rows.get(rows.size() - 1).text("uscc", true) + " usedMB="
                    + (rt.totalMemory() - rt.freeMemory()) / (1 << 20));
        }
    }
}
