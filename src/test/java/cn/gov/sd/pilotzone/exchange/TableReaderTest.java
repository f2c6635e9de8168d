package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.gov.sd.pilotzone.common.FreeText;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.TableReader.Column;
import cn.gov.sd.pilotzone.exchange.TableReader.Row;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tabular inbound files: encodings, headers, line numbers of bad cells, XLSX. */
class TableReaderTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** Shaped like the credit-records feed, plus a money and a flag column. */
    static final List<Column> COLUMNS = List.of(
            new Column("uscc", "统一社会信用代码", true),
            new Column("enterprise_name", "企业名称", true),
            new Column("listed_on", "列入日期", true),
            new Column("removed_on", "移出日期", false),
            new Column("amount", "金额", false),
            new Column("above_scale", "规上", false));

    static final String ENGLISH = """
            uscc,enterprise_name,listed_on,removed_on,amount,above_scale
            91370705MAAY4CL12X,潍坊奎文智能装备有限公司,2024-03-01,,1200000.50,Y
            91370783MA2TH3BJ36,寿光蔬菜种业科技有限公司,2024-04-02,2024-05-06,0,N
            """;

    static final String CHINESE = """
            统一社会信用代码,企业名称,列入日期,移出日期,金额,规上
            91370705MAAY4CL12X,潍坊奎文智能装备有限公司,2024-03-01,,1200000.50,是
            91370783MA2TH3BJ36,寿光蔬菜种业科技有限公司,2024-04-02,2024-05-06,0,否
            """;

    // ---- encodings ----

    @Test
    void utf8WithEnglishHeadersIsRead() {
        List<Row> rows = read("a.csv", ENGLISH.getBytes(StandardCharsets.UTF_8));

        assertTwoGoodRows(rows);
    }

    @Test
    void utf8WithBomAndChineseHeadersIsRead() {
        List<Row> rows = read("a.csv", withBom(CHINESE.getBytes(StandardCharsets.UTF_8)));

        assertTwoGoodRows(rows);
    }

    @Test
    void gb18030WithChineseHeadersIsDetected() {
        List<Row> rows = read("a.csv", CHINESE.getBytes(GB18030));

        assertTwoGoodRows(rows);
    }

    @Test
    void gb18030WithCrLfLineEndsIsRead() {
        List<Row> rows = read("a.csv", CHINESE.replace("\n", "\r\n").getBytes(GB18030));

        assertTwoGoodRows(rows);
    }

    @Test
    void configuredCharsetIsUsedWithoutDetection() {
        List<Row> rows = TableReader.read("a.csv", CHINESE.getBytes(GB18030), GB18030, COLUMNS);

        assertTwoGoodRows(rows);
        assertThat(problems(() -> TableReader.read("a.csv", CHINESE.getBytes(GB18030), StandardCharsets.UTF_8, COLUMNS)))
                .extracting(Problem::code).containsExactly("file.encoding");
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreFileEncoding() {
        byte[] header = "uscc,enterprise_name,listed_on\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xFF, (byte) 0xFE, (byte) 0x80, (byte) 0xFF, ',', 'x', '\n'};

        List<Problem> problems = problems(() -> read("a.csv", concat(header, bad)));

        assertThat(problems).extracting(Problem::code).containsExactly("file.encoding");
        assertThat(problems.get(0).args()).hasToString("[[UTF-8, GB18030]]");
    }

    @Test
    void bomFollowedByInvalidUtf8IsFileEncoding() {
        byte[] gbk = CHINESE.getBytes(GB18030);

        assertThat(problems(() -> read("a.csv", withBom(gbk)))).extracting(Problem::code)
                .containsExactly("file.encoding");
    }

    @Test
    void nulBytesMakeTheFileBinary() {
        byte[] content = ENGLISH.getBytes(StandardCharsets.UTF_8);
        content[40] = 0;

        assertThat(problems(() -> read("a.csv", content))).extracting(Problem::code).containsExactly("file.binary");
    }

    @Test
    void utf16IsNamedAsSuchNotSilentlyMisread() {
        assertThat(problems(() -> read("a.csv", ENGLISH.getBytes(StandardCharsets.UTF_16LE))))
                .extracting(Problem::code).containsExactly("file.utf16");
        assertThat(problems(() -> read("a.csv", ENGLISH.getBytes(StandardCharsets.UTF_16)))) // big-endian with BOM
                .extracting(Problem::code).containsExactly("file.utf16");
        assertThat(problems(() -> read("a.csv", ("\uFEFF" + CHINESE).getBytes(StandardCharsets.UTF_16LE))))
                .extracting(Problem::code).containsExactly("file.utf16");
    }

    @Test
    void emptyFileIsRefused() {
        assertThat(problems(() -> read("a.csv", new byte[0]))).extracting(Problem::code).containsExactly("file.empty");
        assertThat(problems(() -> read("a.xlsx", new byte[0]))).extracting(Problem::code).containsExactly("file.empty");
    }

    @Test
    void headerOnlyFileIsRefusedAsHavingNoRows() {
        assertThat(problems(() -> read("a.csv", "uscc,enterprise_name,listed_on\n\n,,\n".getBytes(StandardCharsets.UTF_8))))
                .extracting(Problem::code).containsExactly("file.noRows");
    }

    @Test
    void headerOnlyFileWithABadHeaderNamesTheHeaderProblem() {
        assertThat(problems(() -> read("a.csv", "uscc,enterprise_name\n".getBytes(StandardCharsets.UTF_8))))
                .extracting(Problem::code).containsExactly("column.missing");
    }

    // ---- formula injection ----

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "@SUM(1+1)", "+A1", "-2+3", "=HYPERLINK(\"http://x\")", "\t=1"})
    void cellThatASpreadsheetWouldRunIsAProblem(String cell) {
        String csv = "uscc,enterprise_name,listed_on\n91370705MAAY4CL12X,\"" + cell.replace("\"", "\"\"")
                + "\",2024-03-01\n";
        Row row = read("a.csv", csv.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(row.text("enterprise_name", true)).isNull();
        assertThat(row.problems()).extracting(Problem::field, Problem::code, Problem::line)
                .containsExactly(tuple("enterprise_name", "field.formula", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1200.50", "+86 536 8888888", "-", "潍坊=奎文", "a@b.cn", "0536-8888888"})
    void negativeNumbersPhonesAndInnerSignsAreNotFormulas(String cell) {
        assertThat(FreeText.formula(cell)).isFalse();
    }

    @Test
    void negativeMoneyIsReadAsMoneyNotAsAFormula() {
        String csv = "uscc,enterprise_name,listed_on,amount\n91370705MAAY4CL12X,甲,2024-03-01,-100.5\n";
        Row row = read("a.csv", csv.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(row.money("amount", false)).isEqualByComparingTo("-100.5");
        assertThat(row.valid()).isTrue();
    }

    // ---- duplicates ----

    @Test
    void secondRowWithTheSameKeyIsADuplicateOfTheFirst() {
        List<Row> rows = read("a.csv", (ENGLISH + "91370705MAAY4CL12X,again,2024-03-01,,,\n").getBytes(StandardCharsets.UTF_8));
        Map<String, Integer> seen = new HashMap<>();
        rows.forEach(r -> r.unique(seen, r.text("uscc", true), "uscc"));
        assertThat(rows.get(0).valid()).isTrue();
        assertThat(rows.get(1).valid()).isTrue();
        assertThat(rows.get(2).problems()).extracting(Problem::code, Problem::args, Problem::line)
                .containsExactly(tuple("row.duplicate", List.of(2), 4));
    }

    // ---- headers ----

    @Test
    void headerProblemsAreAllReportedOnLineOne() {
        String csv = "uscc,统一社会信用代码,listed_on,remark,备注\nx,y,z,1,2\n";

        assertThat(problems(() -> read("a.csv", csv.getBytes(StandardCharsets.UTF_8))))
                .extracting(Problem::field, Problem::code, Problem::line).containsExactlyInAnyOrder(
                        tuple("统一社会信用代码", "column.duplicate", 1),
                        tuple("remark", "column.unknown", 1),
                        tuple("备注", "column.unknown", 1),
                        tuple("enterprise_name", "column.missing", 1));
    }

    @Test
    void missingRequiredColumnNamesItsChineseAliasToo() {
        List<Problem> problems = problems(() -> read("a.csv", "uscc,enterprise_name\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(problems).containsExactly(Problem.of("listed_on", "column.missing", "列入日期").atLine(1));
    }

    @Test
    void optionalColumnsMayBeLeftOutAndReadAsEmpty() {
        List<Row> rows = read("a.csv", "uscc,enterprise_name,listed_on\nA,B,2024-01-01\n".getBytes(StandardCharsets.UTF_8));

        assertThat(rows.get(0).text("removed_on", false)).isNull();
        assertThat(rows.get(0).valid()).isTrue();
    }

    @Test
    void headersIgnoreCaseSurroundingSpaceAndColumnOrder() {
        String csv = " LISTED_ON ,企业名称, Uscc\n2024-01-01,B,A\n";

        Row row = read("a.csv", csv.getBytes(StandardCharsets.UTF_8)).get(0);

        assertThat(row.text("uscc", true)).isEqualTo("A");
        assertThat(row.text("enterprise_name", true)).isEqualTo("B");
        assertThat(row.date("listed_on", true)).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    // ---- line numbers of bad cells ----

    @Test
    void badCellsCarryTheLineOfTheFileEvenAfterAQuotedNewline() {
        String csv = "uscc,enterprise_name,listed_on,amount\n"            // line 1
                + "A,\"潍坊奎文\n智能装备有限公司\",2024-03-01,1\n"         // lines 2-3: a name with a line break
                + "\n"                                                     // line 4: blank, skipped
                + "B,\"寿光\"\"蔬菜\"\"\",2024-13-01,abc\n"                // line 5: bad date and amount
                + "C,青州,2024-03-01,2\n";                                 // line 6

        List<Row> rows = read("a.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).extracting(Row::line).containsExactly(2, 5, 6);
        assertThat(rows.get(0).text("enterprise_name", true)).isEqualTo("潍坊奎文\n智能装备有限公司");
        assertThat(rows.get(1).text("enterprise_name", true)).isEqualTo("寿光\"蔬菜\"");
        Row bad = rows.get(1);
        assertThat(bad.date("listed_on", true)).isNull();
        assertThat(bad.money("amount", false)).isNull();
        assertThat(bad.problems()).extracting(Problem::field, Problem::code, Problem::line).containsExactly(
                tuple("listed_on", "date.format", 5), tuple("amount", "number.format", 5));
        assertThat(rows.get(2).date("listed_on", true)).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(rows.get(2).valid()).isTrue();
    }

    @Test
    void lineNumbersAreRightWithCrLfAndAQuotedCrLf() {
        String csv = "uscc,enterprise_name,listed_on\r\nA,\"x\r\ny\",2024-03-01\r\nB,z,bad\r\n";

        List<Row> rows = read("a.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).extracting(Row::line).containsExactly(2, 4);
        rows.get(1).date("listed_on", true);
        assertThat(rows.get(1).problems()).extracting(Problem::line).containsExactly(4);
    }

    @Test
    void rowWithMoreCellsThanTheHeaderIsAProblemOfThatRow() {
        String csv = "uscc,enterprise_name,listed_on\nA,B,2024-01-01\nA,B,2024-01-01,extra\n";

        List<Row> rows = read("a.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(rows.get(0).valid()).isTrue();
        assertThat(rows.get(1).problems()).extracting(Problem::code, Problem::line)
                .containsExactly(tuple("row.tooManyCells", 3));
    }

    @Test
    void shortRowLeavesRequiredCellsMissing() {
        Row row = read("a.csv", "uscc,enterprise_name,listed_on\nA\n".getBytes(StandardCharsets.UTF_8)).get(0);

        assertThat(row.text("enterprise_name", true)).isNull();
        assertThat(row.problems()).containsExactly(Problem.of("enterprise_name", "field.required").atLine(2));
    }

    @Test
    void unterminatedQuoteIsMalformedCsv() {
        String csv = "uscc,enterprise_name,listed_on\nA,\"B,2024-01-01\n";

        List<Problem> problems = problems(() -> read("a.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(problems).extracting(Problem::code).containsExactly("csv.malformed");
        assertThat(problems.get(0).args().get(0).toString()).contains("EOF reached").doesNotContain("Exception");
    }

    // ---- typed cells ----

    @Test
    void datesAcceptIsoAndSlashes() {
        Row row = row("listed_on", "2024/03/01");

        assertThat(row.date("listed_on", true)).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(row.valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-3-1", "01/03/2024", "20240301", "2024-02-30", "yesterday"})
    void otherDateFormsAreDateFormat(String value) {
        Row row = row("listed_on", value);

        assertThat(row.date("listed_on", true)).isNull();
        assertThat(row.problems()).extracting(Problem::code).containsExactly("date.format");
    }

    @Test
    void implausibleYearIsDateRange() {
        Row row = row("listed_on", "1900-01-01");

        assertThat(row.date("listed_on", true)).isNull();
        assertThat(row.problems()).extracting(Problem::code).containsExactly("date.range");
    }

    @Test
    void moneyAcceptsThousandsSeparatorsAndRefusesTheAbsurd() {
        assertThat(row("amount", "\"1,200,000.50\"").money("amount", true)).isEqualByComparingTo("1200000.50");
        Row absurd = row("amount", "1000000000000");
        assertThat(absurd.money("amount", true)).isNull();
        assertThat(absurd.problems()).extracting(Problem::code).containsExactly("money.tooLarge");
        Row exponent = row("amount", "1E+20");
        assertThat(exponent.money("amount", true)).isNull();
        assertThat(exponent.problems()).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("amount", "money.format"));
    }

    @Test
    void flagsAcceptEnglishAndChinese() {
        assertThat(List.of("Y", "yes", "TRUE", "1", "是")).allSatisfy(v -> assertThat(row("above_scale", v)
                .flag("above_scale", true)).isTrue());
        assertThat(List.of("N", "no", "false", "0", "否")).allSatisfy(v -> assertThat(row("above_scale", v)
                .flag("above_scale", true)).isFalse());
        Row bad = row("above_scale", "maybe");
        assertThat(bad.flag("above_scale", true)).isNull();
        assertThat(bad.problems()).extracting(Problem::code).containsExactly("flag.format");
    }

    @Test
    void overlongTextIsRefused() {
        Row row = row("enterprise_name", "很".repeat(201));

        assertThat(row.text("enterprise_name", true)).isNull();
        assertThat(row.problems()).extracting(Problem::code).containsExactly("field.tooLong");
    }

    // ---- XLSX ----

    @Test
    void xlsxWithDateAndNumericCellsIsRead() throws IOException {
        byte[] xlsx = workbook(false);

        List<Row> rows = read("credit.xlsx", xlsx);

        assertThat(rows).extracting(Row::line).containsExactly(2, 4);
        Row first = rows.get(0);
        assertThat(first.text("uscc", true)).isEqualTo("91370705MAAY4CL12X");
        assertThat(first.date("listed_on", true)).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(first.money("amount", true)).isEqualTo(new BigDecimal("12000000.5"));
        assertThat(first.flag("above_scale", true)).isTrue();
        assertThat(first.valid()).isTrue();
        Row second = rows.get(1);
        assertThat(second.text("amount", true)).isEqualTo("42");
        assertThat(second.date("listed_on", true)).isNull();
        assertThat(second.problems()).containsExactly(Problem.of("listed_on", "date.format", "not a date").atLine(4));
    }

    @Test
    void xlsxFormulaCellsGiveTheirComputedValue() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            XSSFSheet sheet = wb.createSheet();
            XSSFRow header = sheet.createRow(0);
            List.of("uscc", "enterprise_name", "listed_on", "amount", "above_scale")
                    .forEach(h -> header.createCell(header.getPhysicalNumberOfCells()).setCellValue(h));
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellFormula("\"91370705\"&\"MAAY4CL12X\"");
            row.createCell(1).setCellValue("潍坊奎文智能装备有限公司");
            row.createCell(2).setCellFormula("DATE(2024,11,20)");
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellFormula("120000*10+0.5");
            row.createCell(4).setCellFormula("TRUE()");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            xlsx = out.toByteArray();
        }

        Row row = read("credit.xlsx", xlsx).get(0);

        assertThat(row.text("uscc", true)).isEqualTo("91370705MAAY4CL12X");
        assertThat(row.date("listed_on", true)).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(row.money("amount", true)).isEqualTo(new BigDecimal("1200000.5"));
        assertThat(row.flag("above_scale", true)).isTrue();
        assertThat(row.valid()).isTrue();
    }

    @Test
    void xlsxIsRecognisedByItsContentWhateverTheName() throws IOException {
        assertThat(read("credit.csv", workbook(false))).hasSize(2);
    }

    @Test
    void xlsxHeaderProblemsAreReported() throws IOException {
        assertThat(problems(() -> read("credit.xlsx", workbook(true)))).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("备注", "column.unknown"));
    }

    @Test
    void fileNamedXlsxThatIsNotAWorkbookIsXlsxMalformed() {
        assertThat(problems(() -> read("credit.xlsx", ENGLISH.getBytes(StandardCharsets.UTF_8))))
                .extracting(Problem::code).containsExactly("xlsx.malformed");
    }

    @Test
    void zipThatIsNotAWorkbookIsXlsxMalformed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThat(problems(() -> read("credit.xlsx", bytes.toByteArray()))).extracting(Problem::code)
                .containsExactly("xlsx.malformed");
    }

    @Test
    void truncatedWorkbookIsXlsxMalformed() throws IOException {
        byte[] xlsx = workbook(false);
        byte[] half = Arrays.copyOf(xlsx, xlsx.length / 2);

        assertThat(problems(() -> read("credit.xlsx", half))).extracting(Problem::code)
                .containsExactly("xlsx.malformed");
    }

    @Test
    void workbookThatInflatesAThousandfoldIsAZipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("a".repeat(4 << 20).getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }

        assertThat(problems(() -> read("credit.xlsx", bytes.toByteArray()))).extracting(Problem::code)
                .containsExactly("xlsx.zipBomb");
    }

    @Test
    void malformedWorkbookReasonIsOneLine() {
        List<Problem> problems = problems(() -> read("credit.xlsx", ENGLISH.getBytes(StandardCharsets.UTF_8)));
        assertThat(problems.get(0).args().get(0).toString()).doesNotContain("\n");
    }

    // ---- helpers ----

    /** Chinese headers; row 2 good, row 3 blank, row 4 with a text where a date belongs. */
    private static byte[] workbook(boolean extraColumn) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CreationHelper helper = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            XSSFSheet sheet = wb.createSheet("失信名单");
            XSSFRow header = sheet.createRow(0);
            String[] names = extraColumn ? new String[] {"统一社会信用代码", "企业名称", "列入日期", "备注"}
                    : new String[] {"统一社会信用代码", "企业名称", "列入日期", "金额", "规上"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            XSSFRow first = sheet.createRow(1);
            first.createCell(0).setCellValue("91370705MAAY4CL12X");
            first.createCell(1).setCellValue("潍坊奎文智能装备有限公司");
            first.createCell(2).setCellValue(LocalDate.of(2024, 11, 20));
            first.getCell(2).setCellStyle(date);
            first.createCell(3).setCellValue(12000000.5);
            first.createCell(4).setCellValue("Y");
            XSSFRow second = sheet.createRow(3);
            second.createCell(0).setCellValue("91370783MA2TH3BJ36");
            second.createCell(1).setCellValue("寿光蔬菜种业科技有限公司");
            second.createCell(2).setCellValue("not a date");
            second.createCell(3).setCellValue(42);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void assertTwoGoodRows(List<Row> rows) {
        assertThat(rows).extracting(Row::line).containsExactly(2, 3);
        Row first = rows.get(0);
        assertThat(first.text("uscc", true)).isEqualTo("91370705MAAY4CL12X");
        assertThat(first.text("enterprise_name", true)).isEqualTo("潍坊奎文智能装备有限公司");
        assertThat(first.date("listed_on", true)).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(first.date("removed_on", false)).isNull();
        assertThat(first.money("amount", false)).isEqualTo(new BigDecimal("1200000.50"));
        assertThat(first.flag("above_scale", false)).isTrue();
        assertThat(first.valid()).isTrue();
        Row second = rows.get(1);
        assertThat(second.text("enterprise_name", true)).isEqualTo("寿光蔬菜种业科技有限公司");
        assertThat(second.date("removed_on", false)).isEqualTo(LocalDate.of(2024, 5, 6));
        assertThat(second.flag("above_scale", false)).isFalse();
        assertThat(second.valid()).isTrue();
    }

    /** One data row with required columns filled and {@code value} in {@code column}. */
    private static Row row(String column, String value) {
        String csv = "uscc,enterprise_name,listed_on," + column + "\nA,B,2024-01-01," + value + "\n";
        if (List.of("uscc", "enterprise_name", "listed_on").contains(column)) {
            csv = "uscc,enterprise_name,listed_on\n" + switch (column) {
                case "uscc" -> value + ",B,2024-01-01";
                case "enterprise_name" -> "A," + value + ",2024-01-01";
                default -> "A,B," + value;
            } + "\n";
        }
        List<Row> rows = read("a.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    // ---- which optional columns a file has ----

    @Test
    void tellsWhichOptionalColumnsTheFileHas() {
        List<Row> rows = read("a.csv", "uscc,enterprise_name,listed_on,金额\nX,Y,2024-01-01,1\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(rows.get(0).present("amount")).isTrue();
        assertThat(rows.get(0).present("removed_on")).isFalse();
        assertThat(rows.get(0).text("removed_on", false)).isNull();
    }

    // ---- rows handed on as they are read ----

    @Test
    void eachRowGoesToTheSinkInOrderAndTheDataRowsAreCounted() {
        List<Integer> lines = new ArrayList<>();
        int count = TableReader.read("a.csv", "uscc,enterprise_name,listed_on\nX,Y,2024-01-01\n,,\nZ,W,2024-01-02\n".getBytes(StandardCharsets.UTF_8),
                null, COLUMNS, row -> lines.add(row.line()));

        assertThat(lines).containsExactly(2, 4);
        assertThat(count).isEqualTo(2);
    }

    @Test
    void rowsBeforeAMalformedLineHaveReachedTheSinkWhenTheFileIsRefused() {
        List<Integer> lines = new ArrayList<>();
        byte[] content = "uscc,enterprise_name,listed_on\nX,Y,2024-01-01\nZ,\"W,2024-01-02\n".getBytes(StandardCharsets.UTF_8);

        assertThat(problems(() -> TableReader.read("a.csv", content, null, COLUMNS, row -> lines.add(row.line()))))
                .extracting(Problem::code).containsExactly("csv.malformed");
        assertThat(lines).containsExactly(2);
    }

    private static List<Row> read(String name, byte[] content) {
        return TableReader.read(name, content, null, COLUMNS);
    }

    private static List<Problem> problems(ThrowableAssert.ThrowingCallable read) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, read);
        assertThat(e).as("refused").isNotNull();
        return e.problems();
    }

    private static byte[] withBom(byte[] content) {
        return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, content);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
