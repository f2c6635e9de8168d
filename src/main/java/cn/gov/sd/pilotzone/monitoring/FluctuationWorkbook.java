package cn.gov.sd.pilotzone.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.SheetLayout;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The fluctuation list as an Excel workbook (Apache POI) for the county clerks' one-to-one follow-up: headers in
 * the caller's language (Chinese by default), money and kWh as numbers, changes as percentages, so the sheet can
 * be filtered and summed rather than re-typed.
 */
@Component
class FluctuationWorkbook {

    static final List<String> HEADERS = List.of("uscc", "enterpriseName", "county", "enterpriseClass", "priority",
            "revenue", "revenueLastYear", "revenueChange", "electricityKwh", "electricityKwhLastYear",
            "electricityChange", "followUpStatus");

    private final Messages messages;

    FluctuationWorkbook(Messages messages) {
        this.messages = messages;
    }

    public byte[] write(YearMonth period, List<FluctuationView> rows, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(
                    messages.get("fluctuation.xlsx.sheet", locale, period.toString())));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            // headers such as 上年同期营业收入（元） are wider than their numbers: wrapped, not cut off
            bold.setWrapText(true);
            bold.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(messages.get("fluctuation.xlsx." + HEADERS.get(c), locale));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (FluctuationView v : rows) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(v.uscc());
                text(row, c++, v.enterpriseName());
                text(row, c++, v.countyName() != null ? v.countyName() : v.countyCode());
                text(row, c++, v.enterpriseClass());
                text(row, c++, v.priority() ? messages.get("fluctuation.xlsx.priorityYes", locale) : "");
                number(row, c++, v.revenue(), money);
                number(row, c++, v.revenueLastYear(), money);
                number(row, c++, v.revenueChange(), percent);
                number(row, c++, v.electricityKwh(), money);
                number(row, c++, v.electricityKwhLastYear(), money);
                number(row, c++, v.electricityChange(), percent);
                text(row, c, v.followUpStatus() == null ? ""
                        : messages.get("followUp.status." + v.followUpStatus().name(), locale));
            }
            sheet.createFreezePane(2, 1);
            int[] widths = {22, 30, 14, 10, 10, 16, 16, 12, 16, 16, 12, 14};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            SheetLayout.fitRowHeights(sheet, 0, 0);
            SheetLayout.printable(sheet, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int c, String value) {
        row.createCell(c).setCellValue(value == null ? "" : value);
    }

    private static void number(Row row, int c, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value.doubleValue()); // display only: the figures of record stay BigDecimal in the DB
            cell.setCellStyle(style);
        }
    }
}
