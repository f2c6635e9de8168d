package cn.gov.sd.pilotzone.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetLayoutTest {

    @Test
    void wrappedRowsGetTheHeightOfTheirLinesAndOthersKeepTheDefault() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("s");
            sheet.setColumnWidth(0, 11 * 256); // 10 usable characters: five CJK ones a line
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Row tall = sheet.createRow(0);
            tall.createCell(0).setCellValue("一二三四五六七八九十十一"); // 12 CJK characters: three lines
            tall.getCell(0).setCellStyle(wrap);
            Row plain = sheet.createRow(1);
            plain.createCell(0).setCellValue("一二三四五六七八九十十一"); // not wrapped: one line
            Row twoParagraphs = sheet.createRow(2);
            twoParagraphs.createCell(0).setCellValue("ab\ncd");
            twoParagraphs.getCell(0).setCellStyle(wrap);
            float normal = plain.getHeightInPoints();

            SheetLayout.fitRowHeights(sheet, 0, 2);

            assertThat(tall.getHeightInPoints()).isEqualTo(47f);
            assertThat(plain.getHeightInPoints()).isEqualTo(normal);
            assertThat(twoParagraphs.getHeightInPoints()).isEqualTo(32f);
        }
    }

    @Test
    void printsLandscapeOnePageWideWithTheHeaderOnEachPage() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("s");
            SheetLayout.printable(sheet, 3);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:3");
        }
    }

    @Test
    void cjkCharactersCountDouble() {
        assertThat(SheetLayout.width("ab潍坊")).isEqualTo(6);
        assertThat(SheetLayout.lines("", 10)).isEqualTo(1);
    }
}
