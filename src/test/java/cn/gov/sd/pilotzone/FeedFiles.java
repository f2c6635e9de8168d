package cn.gov.sd.pilotzone;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Inbound files for feed tests: contents as other bureaus' systems write them (UTF-8, GB18030, XLSX made with
 * POI), dropped through {@link HubClient}, and the outcome: archived (with the report of skipped rows, if any) or
 * rejected with its reason.
 */
public final class FeedFiles {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private final HubClient hub;

    public FeedFiles(HubClient hub) {
        this.hub = hub;
    }

    /** A file name no other test uses. */
    public static String unique(String prefix, String extension) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "." + extension;
    }

    public void drop(String feed, String name, byte[] content) {
        hub.drop(feed, name, content);
    }

    /** Waits until the file is archived; the report of its skipped rows when it has one. */
    public Optional<String> awaitArchived(String feed, String name) {
        Path archived = hub.awaitIn("archive", feed, name);
        Path report = hub.dataDir().resolve("error").resolve(feed).resolve(archived.getFileName() + ".error.txt");
        return Files.exists(report) ? Optional.of(read(report)) : Optional.empty();
    }

    /** Waits until the file is in error/; the reason written next to it. */
    public String awaitRejected(String feed, String name) {
        Path rejected = hub.awaitIn("error", feed, name);
        Path report = rejected.resolveSibling(rejected.getFileName() + ".error.txt");
        await().atMost(HubClient.WAIT).until(() -> Files.exists(report));
        return hub.errorReport(rejected);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV text (lines joined with CRLF) in GB18030, as Chinese office software saves it. */
    public static byte[] gb18030(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(GB18030);
    }

    public static byte[] utf8(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A large operation-data sheet ({@code rows} rows, 统一社会信用代码 91370783MA00000001X…), written streaming with
     * shared strings as Excel and LibreOffice save them: 400,000 rows is the 13 MB file that once exhausted the hub's
     * heap. Its enterprises are not in any registry.
     */
    public static void largeOperationDataXlsx(Path xlsx, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, true);
             java.io.OutputStream out = Files.newOutputStream(xlsx)) {
            var sheet = wb.createSheet("运行数据");
            var header = sheet.createRow(0);
            List<String> names = List.of("统一社会信用代码", "期间", "营业收入", "利润", "用电量", "税收");
            for (int c = 0; c < names.size(); c++) {
                header.createCell(c).setCellValue(names.get(c));
            }
            for (int r = 1; r <= rows; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("91370783MA%08dX".formatted(r));
                row.createCell(1).setCellValue("2024-%02d".formatted(r % 12 + 1));
                row.createCell(2).setCellValue(1_000_000.25 + r);
                row.createCell(3).setCellValue(r);
                row.createCell(4).setCellValue(r * 3);
                row.createCell(5).setCellValue(r % 1000);
            }
            wb.write(out);
        }
    }

    /** A one-sheet workbook: every cell a string, except values given as numbers or dates. */
    public static byte[] xlsx(List<List<Object>> rows) {
        return workbook(new XSSFWorkbook(), rows);
    }

    /** The same as an Excel 97-2003 workbook (.xls). */
    public static byte[] xls(List<List<Object>> rows) {
        return workbook(new HSSFWorkbook(), rows);
    }

    private static byte[] workbook(Workbook workbook, List<List<Object>> rows) {
        try (var wb = workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        // a real date cell, as a clerk's spreadsheet has it
                        var cell = row.createCell(c);
                        cell.setCellValue(d);
                        var style = wb.createCellStyle();
                        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
                        cell.setCellStyle(style);
                    } else {
                        row.createCell(c).setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
