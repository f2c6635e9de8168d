package cn.gov.sd.pilotzone.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.SheetLayout;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One-sheet XLSX workbooks of the lists clerks work from: a bold frozen header with filters, money as numbers
 * with two decimals (so that Excel sums them), times as real date cells in the people's zone. Column widths are
 * estimated from the text, not measured: POI's autoSizeColumn needs AWT fonts, and servers have no CJK ones.
 */
public final class ExcelSheet {

    public enum Kind { TEXT, MONEY, WAN, INTEGER, TIME, DATE }

    public record Column<T>(String header, Kind kind, Function<T, Object> value) {
    }

    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);

    private static final int MAX_WIDTH_CHARS = 60;

    private ExcelSheet() {
    }

    /** A column headed by the bundle's {@code ui.col.<key>} in the caller's language. */
    public static <T> Column<T> column(Messages messages, Locale locale, String key, Kind kind,
                                       Function<T, Object> value) {
        return new Column<>(messages.get("ui.col." + key, locale), kind, value);
    }

    /** A workbook as a download, named after its title and the day it was made ("任务清单-20250110.xlsx"). */
    public static <T> ResponseEntity<byte[]> download(String title, List<Column<T>> columns, List<T> rows,
                                                      UiFormat fmt) {
        byte[] body = write(title, columns, rows, fmt.zone());
        String name = title + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(fmt.today()) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** Yuan as 万元 for a {@link Kind#WAN} column (four decimals: no yuan is hidden). */
    public static BigDecimal wan(BigDecimal yuan) {
        return yuan == null ? null : yuan.divide(TEN_THOUSAND, 4, RoundingMode.HALF_UP);
    }

    static <T> byte[] write(String sheetName, List<Column<T>> columns, List<T> rows, ZoneId zone) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle wan = book.createCellStyle();
            wan.setDataFormat(book.createDataFormat().getFormat("#,##0.0000"));
            CellStyle time = book.createCellStyle();
            time.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));

            int[] widths = new int[columns.size()];
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(head);
                widths[c] = textWidth(columns.get(c).header());
            }
            int r = 1;
            for (T item : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Column<T> col = columns.get(c);
                    Object v = col.value().apply(item);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    switch (col.kind()) {
                        case MONEY -> {
                            cell.setCellValue(((BigDecimal) v).doubleValue());
                            cell.setCellStyle(money);
                            widths[c] = Math.max(widths[c], 14);
                        }
                        case WAN -> {
                            cell.setCellValue(((BigDecimal) v).doubleValue());
                            cell.setCellStyle(wan);
                            widths[c] = Math.max(widths[c], 12);
                        }
                        case INTEGER -> cell.setCellValue(((Number) v).doubleValue());
                        case TIME -> {
                            cell.setCellValue(((Instant) v).atZone(zone).toLocalDateTime());
                            cell.setCellStyle(time);
                            widths[c] = Math.max(widths[c], 17);
                        }
                        case DATE -> {
                            cell.setCellValue((LocalDate) v);
                            cell.setCellStyle(date);
                            widths[c] = Math.max(widths[c], 11);
                        }
                        case TEXT -> {
                            String s = v.toString();
                            cell.setCellValue(s);
                            widths[c] = Math.max(widths[c], textWidth(s));
                        }
                    }
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, Math.min(widths[c] + 2, MAX_WIDTH_CHARS) * 256);
            }
            sheet.createFreezePane(0, 1);
            SheetLayout.printable(sheet, 1);
            if (!columns.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, columns.size() - 1));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int textWidth(String s) {
        return SheetLayout.width(s);
    }
}
