package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.TableReader;
import cn.gov.sd.pilotzone.exchange.TableReader.Column;
import cn.gov.sd.pilotzone.exchange.TableReader.Row;
import cn.gov.sd.pilotzone.registry.Uscc;

/**
 * Reads a file of feed {@code operation-data} (市统计局 / 市税务局 / 供电公司): one row per enterprise and month.
 * {@code uscc} and {@code period} are required; of the indicators a file carries those its bureau owns (the power
 * company only {@code electricity_kwh}), at least one. Each bad row is a problem with its line and is left out;
 * a file without a usable header is rejected as a whole. Plain Java, no database: unit-tested without Spring.
 */
public final class OperationDataReader {

    public static final String REVENUE = "revenue";
    public static final String PROFIT = "profit";
    public static final String ELECTRICITY = "electricity_kwh";
    public static final String TAX = "tax";
    public static final List<String> INDICATORS = List.of(REVENUE, PROFIT, ELECTRICITY, TAX);

    static final List<Column> COLUMNS = List.of(
            Column.code("uscc", "统一社会信用代码", true),
            new Column("period", "期间", true),
            new Column(REVENUE, "营业收入", false),
            new Column(PROFIT, "利润", false),
            new Column(ELECTRICITY, "用电量", false),
            new Column(TAX, "税收", false));

    /** YYYY-MM, also YYYY/MM, YYYYMM, YYYY年M月, and a date (an Excel date cell formatted as a month). */
    private static final Pattern PERIOD = Pattern.compile(
            "(\\d{4})(?:[-/.年]?)(\\d{1,2})(?:月|[-/.]\\d{1,2})?");

    /** One good row. Indicators absent from the file are null and are not written. */
    public record OperationRecord(int line, String uscc, YearMonth period, BigDecimal revenue, BigDecimal profit,
                                  BigDecimal electricityKwh, BigDecimal tax) {

        public int monthNo() {
            return monthNo(period);
        }

        public static int monthNo(YearMonth period) {
            return period.getYear() * 12 + period.getMonthValue() - 1;
        }
    }

    /** The good rows, the bad rows' problems, the data rows read, and which indicator columns the file has. */
    public record Parsed(List<OperationRecord> rows, List<Problem> problems, int total, Set<String> indicators) {
    }

    /** Good rows of a file in file order, with the indicator columns the file has (the same in every chunk). */
    public record Chunk(Set<String> indicators, List<OperationRecord> rows) {
    }

    /** A whole file but its good rows: the bad rows' problems, the data rows read, the indicator columns. */
    public record Summary(List<Problem> problems, int total, Set<String> indicators) {
    }

    private OperationDataReader() {
    }

    /** @param charset null to detect (UTF-8 or GB18030); XLSX is recognised by its content */
    public static Parsed read(String fileName, byte[] content, Charset charset) {
        List<OperationRecord> good = new ArrayList<>();
        Summary summary = read(fileName, content, charset, Integer.MAX_VALUE, chunk -> good.addAll(chunk.rows()));
        return new Parsed(good, summary.problems(), summary.total(), summary.indicators());
    }

    /**
     * Reads the file and hands its good rows on in chunks of {@code chunkSize} as they are checked, the last one
     * possibly smaller, so that they can be written while the rest is read. A file rejected as a whole throws,
     * possibly after some chunks were handed on.
     */
    public static Summary read(String fileName, byte[] content, Charset charset, int chunkSize, Consumer<Chunk> chunks) {
        Checks checks = new Checks(chunkSize, chunks);
        int total = TableReader.read(fileName, content, charset, COLUMNS, checks::check);
        checks.flush();
        return new Summary(checks.problems, total, checks.indicators);
    }

    /** Checks rows one by one and collects the good ones into chunks. */
    private static final class Checks {
        private final int chunkSize;
        private final Consumer<Chunk> chunks;
        private final List<Problem> problems = new ArrayList<>();
        /** Each good row's line by month and USCC: a second row for them is a duplicate. */
        private final RowKeys seen = new RowKeys();
        private Set<String> indicators;
        private List<OperationRecord> good = new ArrayList<>();
        private LastPeriod lastPeriod;

        Checks(int chunkSize, Consumer<Chunk> chunks) {
            this.chunkSize = chunkSize;
            this.chunks = chunks;
        }

        void check(Row row) {
            if (indicators == null) {
                indicators = INDICATORS.stream().filter(row::present).collect(Collectors.toUnmodifiableSet());
                if (indicators.isEmpty()) {
                    throw new InvalidInputException(Problem.of(null, "operation.noIndicator").atLine(1));
                }
            }
            String uscc = row.text("uscc", true);
            if (uscc != null) {
                Optional<String> problem = Uscc.problem(uscc); // no capturing lambda per row
                if (problem.isPresent()) {
                    row.problem("uscc", problem.get());
                }
            }
            YearMonth period = period(row, row.text("period", true));
            BigDecimal revenue = indicator(row, REVENUE, false);
            BigDecimal profit = indicator(row, PROFIT, true);
            BigDecimal electricity = indicator(row, ELECTRICITY, false);
            BigDecimal tax = indicator(row, TAX, true);
            if (row.valid()) {
                int earlier = seen.putIfAbsent(OperationRecord.monthNo(period), uscc, row.line());
                if (earlier != 0) {
                    row.problem("period", "operation.duplicateRow", earlier);
                } else {
                    good.add(new OperationRecord(row.line(), uscc, period, revenue, profit, electricity, tax));
                    if (good.size() >= chunkSize) {
                        flush();
                    }
                }
            }
            problems.addAll(row.problems());
        }

        /** The period of a row; a file is mostly of one month, whose text is parsed once. */
        private YearMonth period(Row row, String text) {
            if (text != null && lastPeriod != null && lastPeriod.text().equals(text)) {
                return lastPeriod.period();
            }
            YearMonth period = parsePeriod(row, text);
            if (period != null) {
                lastPeriod = new LastPeriod(text, period);
            }
            return period;
        }

        void flush() {
            if (!good.isEmpty()) {
                chunks.accept(new Chunk(indicators, good));
                good = new ArrayList<>();
            }
        }
    }

    private record LastPeriod(String text, YearMonth period) {
    }

    private static YearMonth parsePeriod(Row row, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PERIOD.matcher(text);
        if (!m.matches()) {
            row.problem("period", "period.format", text);
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12 || year < 2000 || year > 2100) {
            row.problem("period", "period.format", text);
            return null;
        }
        return YearMonth.of(year, month);
    }

    /** Yuan or kWh with at most 2 decimals; revenue and electricity cannot be negative, profit and tax can. */
    private static BigDecimal indicator(Row row, String column, boolean mayBeNegative) {
        BigDecimal value = row.money(column, false);
        if (value == null) {
            return null;
        }
        if (!mayBeNegative && value.signum() < 0) {
            row.problem(column, "money.negative");
            return null;
        }
        return value;
    }
}
