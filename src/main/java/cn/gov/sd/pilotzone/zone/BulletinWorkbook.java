package cn.gov.sd.pilotzone.zone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.SheetLayout;
import cn.gov.sd.pilotzone.zone.ZoneViews.ActionGroup;
import cn.gov.sd.pilotzone.zone.ZoneViews.Bulletin;
import cn.gov.sd.pilotzone.zone.ZoneViews.BureauRef;
import cn.gov.sd.pilotzone.zone.ZoneViews.TaskItem;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The supervisor bulletin (定期通报) as an Excel workbook: a title, the phase and totals, then every task grouped
 * by special action (an action row, then its tasks) with lead bureaus, status, latest progress, last report date,
 * due date, overdue days and open escalations. Chinese headers, widths fitted to the content.
 */
@Component
class BulletinWorkbook {

    /** Header row index (0-based): rows above it are the title and the summary. */
    static final int HEADER_ROW = 3;
    static final String[] HEADERS = {"任务编号", "任务名称", "牵头单位", "配合单位", "状态", "最新进展(%)", "最近报送日期",
            "完成时限", "逾期天数", "督办事项", "最新进展情况", "存在问题"};
    private static final int[] WIDTHS = {10, 36, 30, 30, 10, 12, 14, 12, 10, 22, 48, 36};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messages messages;

    BulletinWorkbook(Messages messages) {
        this.messages = messages;
    }

    public byte[] write(Bulletin bulletin) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles s = new Styles(wb);
            Sheet sheet = wb.createSheet("定期通报");
            int last = HEADERS.length - 1;

            Row title = sheet.createRow(0);
            title.setHeightInPoints(28);
            cell(title, 0, bulletin.name() + " 定期通报", s.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));

            var t = bulletin.totals();
            Row summary = sheet.createRow(1);
            cell(summary, 0, "阶段：" + bulletin.phaseName()
                    + "　生成时间：" + STAMP.format(LocalDateTime.ofInstant(bulletin.generatedAt(), ZoneSettings.PLAN_TIME))
                    + "（北京时间）　任务 " + t.tasks() + " 项：已完成 " + t.done() + "，推进中 " + t.inProgress()
                    + "，待确认 " + t.awaitingConfirmation() + "，逾期 " + t.overdue() + "，督办 " + t.escalated(), s.text);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));

            Row header = sheet.createRow(HEADER_ROW);
            header.setHeightInPoints(20);
            for (int c = 0; c < HEADERS.length; c++) {
                cell(header, c, HEADERS[c], s.header);
            }
            int r = HEADER_ROW + 1;
            for (ActionGroup group : bulletin.actions()) {
                Row row = sheet.createRow(r);
                cell(row, 0, group.code() + " " + group.title() + "（" + group.tasks().size() + " 项）", s.action);
                for (int c = 1; c <= last; c++) {
                    row.createCell(c).setCellStyle(s.action);
                }
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
                r++;
                for (TaskItem task : group.tasks()) {
                    taskRow(sheet.createRow(r++), task, s);
                }
            }
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            sheet.createFreezePane(2, HEADER_ROW + 1);
            SheetLayout.fitRowHeights(sheet, HEADER_ROW + 1, r - 1);
            SheetLayout.printable(sheet, HEADER_ROW + 1);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, r - 1), 0, last));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void taskRow(Row row, TaskItem task, Styles s) {
        CellStyle text = task.overdue() ? s.overdue : s.text;
        cell(row, 0, task.code(), text);
        cell(row, 1, task.title(), s.wrap);
        cell(row, 2, names(task.leadBureaus()), s.wrap);
        cell(row, 3, names(task.supportingUnits()), s.wrap);
        cell(row, 4, task.statusName(), text);
        number(row, 5, task.progress() == null ? null : task.progress().doubleValue(), s.number);
        date(row, 6, task.lastReportOn(), s.date);
        date(row, 7, task.dueAt() == null ? null : LocalDate.ofInstant(task.dueAt().minusMillis(1), ZoneSettings.PLAN_TIME),
                s.date);
        number(row, 8, task.overdue() ? (double) task.overdueDays() : null, task.overdue() ? s.overdueNumber : s.number);
        cell(row, 9, task.escalations().stream().map(k -> messages.get("zone.escalation." + k, Messages.CHINESE))
                .collect(Collectors.joining("、")), task.escalated() ? s.overdue : s.text);
        cell(row, 10, task.lastReportSummary(), s.wrap);
        cell(row, 11, task.lastReportIssues(), s.wrap);
    }

    private static String names(List<BureauRef> refs) {
        return refs.stream().map(BureauRef::name).collect(Collectors.joining("、"));
    }

    private static void cell(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    private static void number(Row row, int c, Double value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    private static void date(Row row, int c, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    /** The workbook's cell styles, made once per workbook (Excel limits their number). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle action;
        final CellStyle text;
        final CellStyle wrap;
        final CellStyle number;
        final CellStyle date;
        final CellStyle overdue;
        final CellStyle overdueNumber;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            Font red = wb.createFont();
            red.setColor(IndexedColors.RED.getIndex());

            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            action = bordered(wb);
            action.setFont(bold);
            action.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
            action.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            text = bordered(wb);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            wrap = bordered(wb);
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            number = bordered(wb);
            number.setVerticalAlignment(VerticalAlignment.TOP);
            number.setDataFormat(wb.createDataFormat().getFormat("0"));
            date = bordered(wb);
            date.setVerticalAlignment(VerticalAlignment.TOP);
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            overdue = bordered(wb);
            overdue.setVerticalAlignment(VerticalAlignment.TOP);
            overdue.setFont(red);
            overdueNumber = bordered(wb);
            overdueNumber.setVerticalAlignment(VerticalAlignment.TOP);
            overdueNumber.setFont(red);
            overdueNumber.setDataFormat(wb.createDataFormat().getFormat("0"));
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
