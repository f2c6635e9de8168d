package cn.gov.sd.pilotzone.province;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.gov.sd.pilotzone.province.Indicators.IndicatorView;
import cn.gov.sd.pilotzone.province.ProvinceOverview.ZoneRow;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The comparison of the zones as Excel (省工信厅's export): one sheet of zones, one of every indicator with its
 * target, actual and status. Bold frozen headers with filters, printed landscape and fitted to the page width.
 */
@Component
class ProvinceWorkbook {

    static final List<String> ZONE_HEADERS = List.of("试验区 Zone", "城市 City", "认定状态 Designation", "批次 Batch",
            "阶段 Phase", "逾期任务 Overdue tasks", "已达标 Met", "按进度 On track", "滞后 Behind", "无数据 No data");
    static final List<String> INDICATOR_HEADERS = List.of("试验区 Zone", "指标代码 Code", "指标 Indicator",
            "比较 Comparator", "目标 Target", "单位 Unit", "目标年 Target year", "实际 Actual", "期间 Period",
            "来源 Source", "状态 Status", "出处 Clause");

    public byte[] write(List<ZoneRow> zones) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Sheet s = sheet(book, "试验区对比", ZONE_HEADERS, head);
            int r = 1;
            for (ZoneRow z : zones) {
                Row row = s.createRow(r++);
                Object[] v = {z.zone().name(), z.zone().city(), z.designation(), z.batch(), z.phase(),
                        z.overdueTasks(), z.met(), z.onTrack(), z.behind(), z.noData()};
                cells(row, v);
            }
            Sheet ind = sheet(book, "指标", INDICATOR_HEADERS, head);
            r = 1;
            for (ZoneRow z : zones) {
                for (IndicatorView i : z.indicators()) {
                    Row row = ind.createRow(r++);
                    cells(row, new Object[] {z.zone().name(), i.code(), i.name(), i.comparator().name(),
                            i.target() != null ? i.target() : i.targetText(), i.unit(), i.targetYear(), i.actual(),
                            i.period(), i.source().name(), i.status().name(), i.clause()});
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheet(XSSFWorkbook book, String name, List<String> headers, CellStyle head) {
        Sheet s = book.createSheet(name);
        Row h = s.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            h.createCell(c).setCellValue(headers.get(c));
            h.getCell(c).setCellStyle(head);
            // CJK text is about two characters wide per glyph; POI's autosize needs fonts a server lacks
            s.setColumnWidth(c, Math.min(60, Math.max(12, headers.get(c).length() + 4)) * 256);
        }
        s.createFreezePane(0, 1);
        s.setAutoFilter(new CellRangeAddress(0, 0, 0, headers.size() - 1));
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        return s;
    }

    private static void cells(Row row, Object[] values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else if (v != null) {
                row.createCell(c).setCellValue(String.valueOf(v));
            }
        }
    }
}
