package cn.gov.sd.pilotzone.province;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.TableReader;
import cn.gov.sd.pilotzone.exchange.TableReader.Column;
import cn.gov.sd.pilotzone.exchange.TableReader.Row;

/**
 * Reads a file of feed {@code indicators} (市统计局 / 省统计局, docs/indicators.md): one actual value per zone,
 * indicator and period. A row is good when its zone and indicator are a target of config/province/targets.yml that
 * the hub does not derive itself, its period is {@code YYYY} or {@code YYYY-MM} and its value a number of at most
 * 6 decimals; each bad row is a problem with its line and is left out. Plain Java, no database, no Camel: the
 * exchange-database reader of {@code ex_indicators} uses {@link #row} for its rows.
 */
final class IndicatorReader {

    static final List<Column> COLUMNS = List.of(
            new Column("zone_id", "试验区", true),
            new Column("indicator_code", "指标代码", true),
            new Column("period", "期间", true),
            new Column("value", "数值", true));

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:[-/.年](\\d{1,2})月?)?年?");

    /** One good row: {@code period} is YYYY or YYYY-MM. */
    public record IndicatorValue(int line, String zoneId, String code, String period, BigDecimal value) {

        public int year() {
            return Integer.parseInt(period.substring(0, 4));
        }
    }

    public record Parsed(List<IndicatorValue> rows, List<Problem> problems, int total) {
    }

    private IndicatorReader() {
    }

    /**
     * @param targets the target of a zone and code, if the province configures one
     * @param charset null to detect (UTF-8 or GB18030); XLSX is recognised by its content
     */
    public static Parsed read(String fileName, byte[] content, Charset charset,
                              BiFunction<String, String, Optional<Target>> targets) {
        List<Row> table = TableReader.read(fileName, content, charset, COLUMNS);
        List<IndicatorValue> good = new ArrayList<>(table.size());
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : table) {
            IndicatorValue v = row(row, targets);
            if (v != null) {
                row.unique(seen, v.zoneId() + '|' + v.code() + '|' + v.period(), "period");
                if (row.valid()) {
                    good.add(v);
                }
            }
            problems.addAll(row.problems());
        }
        return new Parsed(good, problems, table.size());
    }

    /** One row's value, or null with the row's problems recorded on it. */
    public static IndicatorValue row(Row row, BiFunction<String, String, Optional<Target>> targets) {
        String zoneId = row.text("zone_id", true);
        String code = row.text("indicator_code", true);
        String period = period(row);
        BigDecimal value = row.decimal("value", true, "indicator.format");
        if (value != null && value.stripTrailingZeros().scale() > 6) {
            row.problem("value", "number.scale", 6);
        }
        if (zoneId != null && code != null) {
            Optional<Target> target = targets.apply(zoneId, code);
            if (target.isEmpty()) {
                row.problem("indicator_code", "indicator.unknown", zoneId, code);
            } else if (target.get().source() != Target.Source.FEED) {
                row.problem("indicator_code", "indicator.derived", code, target.get().source());
            } else if (!target.get().comparator().numeric()) {
                row.problem("indicator_code", "indicator.textOnly", code);
            }
        }
        return row.valid() ? new IndicatorValue(row.line(), zoneId, code, period, value) : null;
    }

    /** YYYY or YYYY-MM (also YYYY年, YYYY/MM, YYYY年M月); null with a problem otherwise. */
    static String period(Row row) {
        String text = row.text("period", true);
        if (text == null) {
            return null;
        }
        Matcher m = PERIOD.matcher(text.trim());
        if (!m.matches()) {
            row.problem("period", "indicator.period", text);
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            row.problem("period", "indicator.period", text);
            return null;
        }
        if (m.group(2) == null) {
            return m.group(1);
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            row.problem("period", "indicator.period", text);
            return null;
        }
        return String.format("%04d-%02d", year, month);
    }
}
