package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.TableReader.Column;
import cn.gov.sd.pilotzone.exchange.TableReader.Row;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: old Excel files are read like new ones, and a code column (account number, USCC, id) that a
 * spreadsheet turned into a number is refused naming the column, in every format.
 */
class SpreadsheetCodesTest {

    static final List<Column> COLUMNS = List.of(
            Column.code("account_no", "账号", true),
            new Column("enterprise_name", "企业名称", true),
            new Column("county_code", "区县代码", false),
            new Column("listed_on", "列入日期", false),
            new Column("amount", "金额", false));

    /** A workbook with a header and one row; a Double becomes a number cell, a LocalDate a date cell. */
    private static byte[] workbook(Workbook wb, List<String> header, List<Object> row) throws IOException {
        try (wb) {
            var sheet = wb.createSheet("名单");
            var h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            var r = sheet.createRow(1);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Double d) {
                    r.createCell(c).setCellValue(d);
                } else if (v instanceof LocalDate d) {
                    var cell = r.createCell(c);
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else {
                    r.createCell(c).setCellValue((String) v);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static List<Problem> problems(String name, byte[] content) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> TableReader.read(name, content, null, COLUMNS));
        if (e != null) {
            return e.problems();
        }
        return TableReader.read(name, content, null, COLUMNS).stream().flatMap(r -> r.problems().stream()).toList();
    }

    private static final List<String> HEADER = List.of("account_no", "enterprise_name", "county_code", "listed_on",
            "amount");

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void accountAsNumberCellIsRefusedNamingTheColumn(String format) throws IOException {
        byte[] file = workbook(format.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook(), HEADER,
                List.of(1.6070011092001E18, "潍坊甲公司", 370705d, LocalDate.of(2024, 3, 1), 1234.5d));

        List<Problem> problems = problems("名单." + format, file);

        assertThat(problems).extracting(Problem::field, Problem::code, Problem::line)
                .containsExactly(Tuple.tuple("account_no", "code.numberCell", 2));
        // the value the spreadsheet kept, shown so the sender sees it is not the account typed
        assertThat(problems.get(0).args().get(0).toString()).startsWith("16070011092001").hasSize(19);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void oldAndNewWorkbooksReadAlikeWithTextCodesDatesAndNumbers(String format) throws IOException {
        byte[] file = workbook(format.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook(), HEADER,
                List.of("6228480402564890018", "潍坊甲公司", 370705d, LocalDate.of(2024, 3, 1), 1234.5d));

        List<Row> rows = TableReader.read("名单." + format, file, null, COLUMNS);

        assertThat(rows).hasSize(1);
        Row row = rows.get(0);
        assertThat(row.text("account_no", true)).isEqualTo("6228480402564890018");
        assertThat(row.text("county_code", false)).as("a county code as a number is harmless").isEqualTo("370705");
        assertThat(row.date("listed_on", false)).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(row.money("amount", false)).isEqualByComparingTo("1234.5");
        assertThat(row.problems()).isEmpty();
    }

    @Test
    void xlsUnderAnyNameIsReadByItsContent() throws IOException {
        byte[] file = workbook(new HSSFWorkbook(), HEADER, List.of("6228480402564890018", "潍坊甲公司", "", "", ""));
        assertThat(TableReader.read("export.csv", file, null, COLUMNS)).hasSize(1);
    }

    @Test
    void brokenXlsSaysSo() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 1, 2, 3};
        assertThat(problems("名单.xls", ole2)).extracting(Problem::code).containsExactly("xls.malformed");
        assertThat(problems("名单.xls", "account_no,enterprise_name\n1,a\n".getBytes(StandardCharsets.UTF_8)))
                .extracting(Problem::code).containsExactly("xls.malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.6070011092001E+018", "1.6070011092001E+18", "1.60701E+18", "6E+18", "1.2e-05"})
    void codeInScientificNotationInACsvIsRefusedNamingTheColumn(String code) {
        byte[] csv = ("account_no,enterprise_name\n" + code + ",潍坊甲公司\n").getBytes(StandardCharsets.UTF_8);

        assertThat(problems("名单.csv", csv)).extracting(Problem::field, Problem::code)
                .containsExactly(Tuple.tuple("account_no", "code.scientific"));
    }

    @Test
    void codeAsTextInAnXlsxThatLooksScientificIsRefusedToo() throws IOException {
        byte[] file = workbook(new XSSFWorkbook(), HEADER, List.of("1.6070011092001E+018", "潍坊甲公司", "", "", ""));
        assertThat(problems("名单.xlsx", file)).extracting(Problem::code).containsExactly("code.scientific");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6228480402564890018", "9137070512345E1234", "ACC-0001", "0012345"})
    void codesThatAreTextPass(String code) {
        byte[] csv = ("account_no,enterprise_name\n" + code + ",潍坊甲公司\n").getBytes(StandardCharsets.UTF_8);
        assertThat(problems("名单.csv", csv)).isEmpty();
    }
}
