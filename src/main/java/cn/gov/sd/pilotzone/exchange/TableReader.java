package cn.gov.sd.pilotzone.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import cn.gov.sd.pilotzone.common.FreeText;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Money;
import cn.gov.sd.pilotzone.common.Problem;

/**
 * Reads a tabular inbound file (CSV in UTF-8 with or without BOM or GB18030, or the first sheet of an XLSX or XLS)
 * into rows keyed by the feed's canonical column names. Headers may be the English names or their Chinese
 * aliases; an unknown, duplicate or missing required column rejects the file.
 */
public final class TableReader {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * A column of a feed: canonical (English) name, Chinese alias, whether every file must have it, and whether
     * it holds a code (an account number, a USCC, an id): a code is text, and one that arrives as a spreadsheet
     * number cell or in scientific notation ({@code 1.6070011092001E+018}) was changed by the spreadsheet, so its
     * row is refused naming the column.
     */
    public record Column(String name, String alias, boolean required, boolean code) {

        public Column(String name, String alias, boolean required) {
            this(name, alias, required, false);
        }

        /** A column holding a code: see {@link Column}. */
        public static Column code(String name, String alias, boolean required) {
            return new Column(name, alias, required, true);
        }
    }

    /** What a file is, by its first bytes, else by its name. */
    private enum Format {
        XLSX, XLS, CSV;

        private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1};

        static Format of(String fileName, byte[] content) {
            if (content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3) {
                return XLSX;
            }
            if (content.length >= OLE2.length && Arrays.equals(content, 0, OLE2.length, OLE2, 0, OLE2.length)) {
                return XLS;
            }
            String name = fileName.toLowerCase(Locale.ROOT);
            return name.endsWith(".xlsx") ? XLSX : name.endsWith(".xls") ? XLS : CSV;
        }
    }

    /** Bytes an XLSX part may inflate to before its ratio counts, as POI's own check allows. */
    private static final long ZIP_GRACE = 100_000;

    /** Scientific notation as spreadsheets write it ({@code 1.6070011092001E+018}): the exponent has its sign. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]\\d+");

    private TableReader() {
    }

    /** @param charset null to detect (UTF-8 if it decodes cleanly, else GB18030) */
    public static List<Row> read(String fileName, byte[] content, Charset charset, List<Column> columns) {
        List<Row> rows = new ArrayList<>();
        read(fileName, content, charset, columns, rows::add);
        return rows;
    }

    /**
     * The same, handing each row to {@code sink} as soon as it is read, so that a caller can check and write a
     * large file's rows while the rest is still being parsed, without keeping them all. Rows before a problem
     * that rejects the file (a malformed CSV quote, no rows at all) have been handed on by then.
     *
     * @return the number of data rows
     */
    public static int read(String fileName, byte[] content, Charset charset, List<Column> columns, Consumer<Row> sink) {
        if (content.length == 0) {
            throw new InvalidInputException(Problem.of(null, "file.empty"));
        }
        Rows rows = new Rows(columns, sink);
        switch (Format.of(fileName, content)) {
            case XLSX -> readXlsx(content, rows);
            case XLS -> readXls(content, rows);
            case CSV -> readCsv(decode(content, charset), rows);
        }
        if (rows.index == null) {
            throw new InvalidInputException(Problem.of(null, "file.noHeader"));
        }
        if (rows.count == 0) {
            // a header and nothing else is a failed export more often than "nothing new": the sender is told
            throw new InvalidInputException(Problem.of(null, "file.noRows"));
        }
        return rows.count;
    }

    /**
     * Turns lines into rows as the parser yields them: the first line is the header, each later one becomes a
     * {@link Row} at once and goes to the sink. A statistics file has 100,000 lines; keeping only the rows, each an array of its cells
     * rather than a map, takes far less memory than a list of all lines plus a map per row (measured in the benchmark, README).
     */
    private static final class Rows {
        private static final BitSet NO_NUMBERS = new BitSet();
        private final List<Column> columns;
        private final Map<String, Integer> slots = new HashMap<>();
        private final Set<String> present = new HashSet<>();
        private final Consumer<Row> sink;
        private int count;
        private int[] index;
        private int headerSize;

        Rows(List<Column> columns, Consumer<Row> sink) {
            this.columns = columns;
            this.sink = sink;
            for (int c = 0; c < columns.size(); c++) {
                slots.put(columns.get(c).name(), c);
            }
        }

        void add(List<String> cells, int line) {
            add(cells, NO_NUMBERS, line);
        }

        /** @param numbers which cells were spreadsheet number cells */
        void add(List<String> cells, BitSet numbers, int line) {
            if (index == null) {
                index = mapHeader(cells, columns);
                headerSize = cells.size();
                for (int c = 0; c < columns.size(); c++) {
                    if (index[c] >= 0) {
                        present.add(columns.get(c).name());
                    }
                }
                return;
            }
            if (blank(cells)) {
                return;
            }
            String[] values = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                int at = index[c];
                values[c] = at >= 0 && at < cells.size() ? cells.get(at).strip() : "";
            }
            Row row = new Row(line, slots, values, present);
            if (cells.size() > headerSize) {
                row.problems.add(Problem.of(null, "row.tooManyCells", cells.size(), headerSize).atLine(row.line()));
            }
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).code() && !values[c].isEmpty()) {
                    if (numbers.get(index[c])) {
                        row.problem(columns.get(c).name(), "code.numberCell", values[c]);
                    } else if (exponent(values[c]) && SCIENTIFIC.matcher(values[c]).matches()) {
                        row.problem(columns.get(c).name(), "code.scientific", values[c]);
                    }
                }
            }
            count++;
            sink.accept(row);
        }
    }

    private static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a code may be in scientific notation at all: most codes are not, and skip the regular expression. */
    private static boolean exponent(String code) {
        return code.indexOf('E') >= 0 || code.indexOf('e') >= 0;
    }

    static String decode(byte[] content, Charset configured) {
        if (utf16(content)) {
            throw new InvalidInputException(Problem.of(null, "file.utf16"));
        }
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                throw new InvalidInputException(Problem.of(null, "file.binary"));
            }
        }
        int skip = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        if (ascii(content, skip)) {
            // the usual statistics file: every candidate reads it alike, and a decoder's char buffer of the whole
            // file (twice its size) is left out
            return new String(content, skip, content.length - skip, StandardCharsets.US_ASCII);
        }
        ByteBuffer bytes = ByteBuffer.wrap(content, skip, content.length - skip);
        List<Charset> candidates = configured != null ? List.of(configured)
                : skip > 0 ? List.of(StandardCharsets.UTF_8) : List.of(StandardCharsets.UTF_8, GB18030);
        for (Charset cs : candidates) {
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.duplicate()).toString();
            } catch (CharacterCodingException e) {
                // try the next candidate
            }
        }
        throw new InvalidInputException(Problem.of(null, "file.encoding",
                candidates.stream().map(Charset::name).toList().toString()));
    }

    private static boolean ascii(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * UTF-16 or UTF-32 text (Windows "Unicode" exports): a byte-order mark, or zero bytes on one side of the pairs only.
     * Told apart from binary so that the sender learns to save as UTF-8.
     */
    public static boolean utf16(byte[] content) {
        if (content.length >= 2 && ((content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE
                || (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF)) {
            return true;
        }
        int n = Math.min(content.length, 512) & ~1;
        if (n < 8) {
            return false;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            evenZeros += content[i] == 0 ? 1 : 0;
            oddZeros += content[i + 1] == 0 ? 1 : 0;
        }
        // ASCII (headers, digits, punctuation) has its zero byte always on the same side; binary on both
        int enough = Math.max(2, n / 20);
        return (evenZeros >= enough && oddZeros == 0) || (oddZeros >= enough && evenZeros == 0);
    }

    private static void readCsv(String text, Rows rows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            long start = 1;
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                rows.add(cells, (int) start);
                start = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            // the parser's own words ("(startline 2) EOF reached before encapsulated token finished"), not its class
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new InvalidInputException(Problem.of(null, "csv.malformed", cause.getMessage()));
        }
    }

    /**
     * Reads the first sheet of an XLSX streaming (POI's event API): the sheet's XML is parsed as it inflates and
     * each row becomes a {@link Row} at once, so memory grows with the rows kept, not with the workbook's model (a
     * 400,000-row sheet took more than 512 MB as an {@code XSSFWorkbook}). The shared strings are read read-only;
     * the package is opened from a temporary file, whose entries POI inflates on demand with its zip-bomb checks.
     */
    private static void readXlsx(byte[] content, Rows rows) {
        Path temp = null;
        try {
            temp = Files.createTempFile("hub-inbound-", ".xlsx");
            Files.write(temp, content);
            refuseZipBomb(temp);
            try (OPCPackage pkg = OPCPackage.open(temp.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return; // no sheet, no header: reported as such
                }
                SheetRows sheet = new SheetRows(rows);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new CellTypes(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(pkg), sheet, new CellFormatter(), false), sheet));
                try (InputStream first = sheets.next()) {
                    parser.parse(new InputSource(first));
                }
            }
        } catch (InvalidInputException e) {
            throw e; // a bad header, reported as such
        } catch (IOException | SAXException | OpenXML4JException | ParserConfigurationException
                 | RuntimeException e) {
            if (zipBomb(e)) {
                throw new InvalidInputException(Problem.of(null, "xlsx.zipBomb"));
            }
            throw new InvalidInputException(Problem.of(null, "xlsx.malformed", firstLine(e)));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    temp.toFile().deleteOnExit();
                }
            }
        }
    }

    /** An Excel 97-2003 workbook (.xls, at most 65,536 rows a sheet): read through POI's HSSF model. */
    private static void readXls(byte[] content, Rows rows) {
        DataFormatter formatter = new CellFormatter();
        // a formula cell counts by the value Excel computed, not by its formula text
        formatter.setUseCachedValuesForFormulaCells(true);
        try (Workbook wb = new HSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                List<String> cells = new ArrayList<>();
                BitSet numbers = new BitSet();
                for (int c = 0; c < Math.max(r.getLastCellNum(), 0); c++) {
                    Cell cell = r.getCell(c);
                    CellType type = cell == null ? CellType.BLANK : cell.getCellType();
                    if (type == CellType.FORMULA) {
                        type = cell.getCachedFormulaResultType();
                    }
                    numbers.set(c, type == CellType.NUMERIC);
                    cells.add(cell == null ? "" : type != CellType.NUMERIC ? formatter.formatCellValue(cell)
                            : DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                            : CellFormatter.plain(cell.getNumericCellValue()));
                }
                rows.add(cells, numbers, r.getRowNum() + 1);
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(Problem.of(null, "xls.malformed", firstLine(e)));
        }
    }

    /**
     * Refuses a package whose entries declare an inflation beyond POI's limit before any is opened: opened from a
     * file, POI inflates only the parts it reads (and checks those as it reads them), so a bomb in a part it never
     * reads, or before a failure, would otherwise pass as merely malformed.
     */
    private static void refuseZipBomb(Path file) throws IOException {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                long size = entry.getSize();
                if (size > ZipSecureFile.getMaxEntrySize() || size > ZIP_GRACE
                        && (double) entry.getCompressedSize() / size < ZipSecureFile.getMinInflateRatio()) {
                    throw new InvalidInputException(Problem.of(null, "xlsx.zipBomb"));
                }
            }
        }
    }

    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    /** POI's messages run over several lines of advice to developers: the first says what is wrong. */
    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    /**
     * A numeric cell as the hub reads it: a date-formatted one as {@code yyyy-MM-dd}, any other as its plain
     * decimal value (no grouping, no exponent, whatever the cell's display format).
     */
    private static final class CellFormatter extends DataFormatter {

        CellFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return plain(value);
        }

        static String plain(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Collects a sheet's cells row by row from POI's event handler, with which of them are number cells. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private static final Pattern RAW_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
        private final Rows rows;
        private final List<String> cells = new ArrayList<>();
        private final BitSet numbers = new BitSet();
        /** Whether the cell being parsed is a number cell (set by {@link CellTypes}). */
        private boolean number;

        SheetRows(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            numbers.clear();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(List.copyOf(cells), (BitSet) numbers.clone(), rowNum + 1);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            String text = value == null ? "" : value;
            // a number cell without a display format comes as the XML has it (1.6070011092001E18)
            if (number && RAW_NUMBER.matcher(text).matches()) {
                text = CellFormatter.plain(Double.parseDouble(text));
            }
            cells.add(text);
            numbers.set(column, number);
        }
    }

    /**
     * Passes a sheet's XML to POI's handler and tells {@link SheetRows} the type of each cell, which POI's
     * callback leaves out: a cell without a type, or of type {@code n}, is a number cell.
     */
    private static final class CellTypes extends DefaultHandler {
        private final ContentHandler poi;
        private final SheetRows sheet;

        CellTypes(ContentHandler poi, SheetRows sheet) {
            this.poi = poi;
            this.sheet = sheet;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName)) {
                String type = attributes.getValue("t");
                sheet.number = type == null || "n".equals(type);
            }
            poi.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            poi.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            poi.characters(ch, start, length);
        }

        @Override
        public void startDocument() throws SAXException {
            poi.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            poi.endDocument();
        }
    }

    private static int[] mapHeader(List<String> header, List<Column> columns) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            byName.put(columns.get(i).name().toLowerCase(Locale.ROOT), i);
            byName.put(columns.get(i).alias(), i);
        }
        int[] index = new int[columns.size()];
        Arrays.fill(index, -1);
        List<Problem> problems = new ArrayList<>();
        for (int h = 0; h < header.size(); h++) {
            String name = header.get(h).replace("\uFEFF", "").strip();
            Integer c = byName.get(name.toLowerCase(Locale.ROOT));
            if (c == null) {
                c = byName.get(name);
            }
            if (c == null) {
                if (!name.isEmpty()) {
                    problems.add(Problem.of(name, "column.unknown").atLine(1));
                }
            } else if (index[c] >= 0) {
                problems.add(Problem.of(name, "column.duplicate").atLine(1));
            } else {
                index[c] = h;
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            if (index[c] < 0 && columns.get(c).required()) {
                problems.add(Problem.of(columns.get(c).name(), "column.missing", columns.get(c).alias()).atLine(1));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return index;
    }

    /** One data row; typed getters collect problems instead of throwing, so every bad cell is reported. */
    public static final class Row {
        private final int line;
        private final Map<String, Integer> slots; // column name → position in values, shared by the file's rows
        private final String[] values;
        private final Set<String> present;
        final List<Problem> problems = new ArrayList<>();

        Row(int line, Map<String, Integer> slots, String[] values, Set<String> present) {
            this.line = line;
            this.slots = slots;
            this.values = values;
            this.present = present;
        }

        /**
         * Whether the file has this (optional) column at all: an absent column leaves stored values alone, an
         * empty cell of a present column clears them (feeds fed by several bureaus, each owning some columns).
         */
        public boolean present(String column) {
            return present.contains(column);
        }

        public int line() {
            return line;
        }

        public List<Problem> problems() {
            return problems;
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        public void problem(String column, String code, Object... args) {
            problems.add(Problem.of(column, code, args).atLine(line));
        }

        /** A text cell; one that a spreadsheet would run as a formula is a problem. */
        public String text(String column, boolean required) {
            String v = raw(column, required);
            if (FreeText.formula(v)) {
                problem(column, "field.formula");
                return null;
            }
            return v;
        }

        /**
         * Reports this row as a duplicate when another row of the file has the same key: two rows for one record
         * would otherwise depend on their order, or fail the whole batch in the database.
         */
        public void unique(Map<String, Integer> seen, String key, String column) {
            if (key == null) {
                return;
            }
            Integer earlier = seen.putIfAbsent(key, line);
            if (earlier != null) {
                problem(column, "row.duplicate", earlier);
            }
        }

        private String raw(String column, boolean required) {
            Integer slot = slots.get(column);
            String v = slot == null ? "" : values[slot];
            if (v.isEmpty()) {
                if (required) {
                    problem(column, "field.required");
                }
                return null;
            }
            if (v.length() > 200) {
                problem(column, "field.tooLong", 200);
                return null;
            }
            return v;
        }

        public LocalDate date(String column, boolean required) {
            String v = raw(column, required);
            if (v == null) {
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(v.replace('/', '-').length() == 10 ? v.replace('/', '-') : v);
                if (d.getYear() < 1950 || d.getYear() > 2100) {
                    problem(column, "date.range", v);
                    return null;
                }
                return d;
            } catch (DateTimeParseException e) {
                problem(column, "date.format", v);
                return null;
            }
        }

        public BigDecimal money(String column, boolean required) {
            String v = raw(column, required);
            if (v == null) {
                return null;
            }
            try {
                // the hub's one rule for amounts (docs/money-rules.md); callers that need a sign check it
                return Money.parse(column, v.replace(",", ""), Money.Sign.ANY);
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problem(column, p.code(), p.args().toArray()));
                return null;
            }
        }

        /**
         * A figure that is not an amount of money (an indicator's value), in the plain notation amounts have
         * ({@link Money#plain}); {@code formatCode} is the message for scientific notation.
         */
        public BigDecimal decimal(String column, boolean required, String formatCode) {
            String v = raw(column, required);
            if (v == null) {
                return null;
            }
            try {
                return Money.plain(column, v.replace(",", ""), formatCode);
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problem(column, p.code(), p.args().toArray()));
                return null;
            }
        }

        public Boolean flag(String column, boolean required) {
            String v = raw(column, required);
            if (v == null) {
                return null;
            }
            return switch (v.toUpperCase(Locale.ROOT)) {
                case "Y", "YES", "TRUE", "1", "是" -> true;
                case "N", "NO", "FALSE", "0", "否" -> false;
                default -> {
                    problem(column, "flag.format", v);
                    yield null;
                }
            };
        }
    }
}
