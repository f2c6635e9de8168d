package cn.gov.sd.pilotzone.common;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * What every exported sheet needs to be read and printed in LibreOffice and Excel: landscape A4 fitted to the page
 * width with the header rows repeated on each page, and rows of wrapped text as high as their lines. Neither
 * program grows a row written by POI on opening, so a wrapped cell's second line would print over the next row;
 * heights are estimated from the text (POI's measuring needs AWT fonts, and servers have no CJK ones).
 */
public final class SheetLayout {

    /** Points per line of an 11-point font, with leading. */
    private static final float LINE_POINTS = 15f;

    private SheetLayout() {
    }

    /** Landscape A4, one page wide (as many long as it takes), rows {@code 0..headerRows-1} repeated. */
    public static void printable(Sheet sheet, int headerRows) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setAutobreaks(true);
        if (headerRows > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, -1, -1));
        }
    }

    /** Sets each of these rows as high as its tallest text cell needs at the sheet's column widths. */
    public static void fitRowHeights(Sheet sheet, int firstRow, int lastRow) {
        for (int r = firstRow; r <= lastRow; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            int lines = 1;
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getCellStyle().getWrapText()
                        && !merged(sheet, r, cell.getColumnIndex())) {
                    lines = Math.max(lines, lines(cell.getStringCellValue(), sheet.getColumnWidth(cell.getColumnIndex())
                            / 256));
                }
            }
            if (lines > 1) {
                row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * LINE_POINTS + 2));
            }
        }
    }

    /** Lines that a text takes in a column this many characters wide (CJK characters take two). */
    static int lines(String text, int widthChars) {
        int usable = Math.max(1, widthChars - 1);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += Math.max(1, (width(paragraph) + usable - 1) / usable);
        }
        return lines;
    }

    /** Width in Excel character units: a CJK character takes two. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= '\u2E80' ? 2 : 1;
        }
        return w;
    }

    private static boolean merged(Sheet sheet, int row, int column) {
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            if (range.isInRange(row, column)) {
                return true;
            }
        }
        return false;
    }
}
