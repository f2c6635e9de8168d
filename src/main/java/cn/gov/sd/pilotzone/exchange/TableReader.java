package cn.gov.sd.pilotzone.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Money;
import cn.gov.sd.pilotzone.common.Problem;

/**
 * Reads a tabular inbound file (CSV in UTF-8 with or without BOM or GB18030, or the first sheet of an XLSX)
 * into rows keyed by the feed's canonical column names. Headers may be the English names or their Chinese
 * aliases; an unknown, duplicate or missing required column rejects the file.
 */
public final class TableReader {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** A column of a feed: canonical (English) name, Chinese alias, whether every file must have it. */
    public record Column(String name, String alias, boolean required) {
    }

    private TableReader() {
    }

    /** @param charset null to detect (UTF-8 if it decodes cleanly, else GB18030) */
    public static List<Row> read(String fileName, byte[] content, Charset charset, List<Column> columns) {
        if (content.length == 0) {
            throw new InvalidInputException(Problem.of(null, "file.empty"));
        }
        boolean xlsx = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                || (content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3);
        Rows rows = new Rows(columns);
        if (xlsx) {
            readXlsx(content, rows);
        } else {
            readCsv(decode(content, charset), rows);
        }
        if (rows.index == null) {
            throw new InvalidInputException(Problem.of(null, "file.noHeader"));
        }
        if (rows.rows.isEmpty()) {
            // a header and nothing else is a failed export more often than "nothing new": the sender is told
            throw new InvalidInputException(Problem.of(null, "file.noRows"));
        }
        return rows.rows;
    }

    /**
     * Turns lines into rows as the parser yields them: the first line is the header, each later one becomes a
     * {@link Row} at once. A statistics file has 100,000 lines; keeping only the rows, each an array of its cells
     * rather than a map, takes far less memory than a list of all lines plus a map per row (measured in the benchmark, README).
     */
    private static final class Rows {
        private final List<Column> columns;
        private final Map<String, Integer> slots = new HashMap<>();
        private final Set<String> present = new HashSet<>();
        private final List<Row> rows = new ArrayList<>();
        private int[] index;
        private int headerSize;

        Rows(List<Column> columns) {
            this.columns = columns;
            for (int c = 0; c < columns.size(); c++) {
                slots.put(columns.get(c).name(), c);
            }
        }

        void add(List<String> cells, int line) {
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
            if (cells.stream().allMatch(String::isBlank)) {
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
            rows.add(row);
        }
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

    /**
     * Text that a spreadsheet would run as a formula ({@code =cmd|' /C calc'!A0}, {@code @SUM(..)}, {@code +A1},
     * {@code -2+3}): refused rather than neutralised, because the hub passes names and references on to the finance
     * bureau's CSV and to Excel exports, and a silently altered value would be wrong there. Negative numbers and
     * phone numbers ({@code +86 …}) are not formulas.
     */
    public static boolean formula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (c == '=' || c == '@' || c == '\t' || c == '\r') {
            return true;
        }
        return (c == '+' || c == '-') && text.length() > 1 && !text.substring(1).strip().matches("[\\d\\s.,()\\-]+");
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

    private static void readXlsx(byte[] content, Rows rows) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        // a formula cell counts by the value Excel computed, not by its formula text
        formatter.setUseCachedValuesForFormulaCells(true);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(r.getLastCellNum(), 0); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : cellText(cell, formatter));
                }
                rows.add(cells, r.getRowNum() + 1);
            }
        } catch (InvalidInputException e) {
            throw e; // a bad header, reported as such
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb detected")) {
                throw new InvalidInputException(Problem.of(null, "xlsx.zipBomb"));
            }
            // POI's messages run over several lines of advice to developers: the first says what is wrong
            throw new InvalidInputException(Problem.of(null, "xlsx.malformed", message.lines().findFirst().orElse("")));
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        org.apache.poi.ss.usermodel.CellType type = cell.getCellType();
        if (type == org.apache.poi.ss.usermodel.CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        if (type == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell);
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
            if (formula(v)) {
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
