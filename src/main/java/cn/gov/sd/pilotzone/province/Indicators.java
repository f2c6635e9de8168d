package cn.gov.sd.pilotzone.province;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

import cn.gov.sd.pilotzone.province.Target.Comparator;
import cn.gov.sd.pilotzone.province.Target.Derivation;
import cn.gov.sd.pilotzone.province.Target.Source;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every target of a zone measured (docs/indicators.md): its actual values per period, from the indicators feed or
 * derived from the hub's own registry and award ledger, and its status against the target year: MET, ON_TRACK
 * (on or above the straight line from the baseline to the target), BEHIND, or NO_DATA.
 */
@Component
public class Indicators {

    public enum Status { MET, ON_TRACK, BEHIND, NO_DATA }

    /** One period's value. */
    public record Point(String period, BigDecimal value) {
    }

    /** A target with its measurement; {@code series} in period order, {@code actual}/{@code period} its last. */
    public record IndicatorView(String code, String name, String unit, Comparator comparator, BigDecimal target,
                                String targetText, Integer targetYear, boolean perYear, BigDecimal actual,
                                String period, Source source, Status status, String clause, List<Point> series) {
    }

    private static final ZoneId PLAN_TIME = ZoneId.of("Asia/Shanghai");

    private final ProvinceConfig config;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BigDecimal aboutTolerance;

    public Indicators(ProvinceConfig config, JdbcTemplate jdbc, Clock clock,
                      @Value("${hub.province.about-tolerance:0.05}") BigDecimal aboutTolerance) {
        this.config = config;
        this.jdbc = jdbc;
        this.clock = clock;
        this.aboutTolerance = aboutTolerance;
    }

    public List<IndicatorView> of(String zoneId) {
        List<IndicatorView> views = new ArrayList<>();
        for (Target t : config.targets(zoneId)) {
            List<Point> series = t.comparator().numeric() ? series(zoneId, t) : List.of();
            Point last = series.isEmpty() ? null : series.get(series.size() - 1);
            views.add(new IndicatorView(t.code(), t.name(), t.unit(), t.comparator(), t.value(), t.text(), t.year(),
                    t.perYear(), last == null ? null : last.value(), last == null ? null : last.period(),
                    t.source(), status(t, series), t.clause(), series));
        }
        return views;
    }

    private List<Point> series(String zoneId, Target t) {
        return switch (t.source()) {
            case FEED -> jdbc.query("SELECT period, actual_value FROM indicator_value WHERE zone_id = ? AND indicator_code = ? "
                    + "ORDER BY period", (rs, i) -> new Point(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros()),
                    zoneId, t.code());
            case REGISTRY -> registry(zoneId, t.derive());
            case LEDGER -> ledger(zoneId, t.derive());
        };
    }

    /** A count of the registry as it stands today: the period is the current year. */
    private List<Point> registry(String zoneId, Derivation d) {
        Long count = switch (d.count()) {
            case ABOVE_SCALE -> jdbc.queryForObject("SELECT COUNT(*) FROM enterprise WHERE above_scale = TRUE "
                    + "AND county_code LIKE ?", Long.class, config.cityCode(zoneId) + "%");
        };
        return List.of(new Point(String.valueOf(clock.instant().atZone(PLAN_TIME).getYear()), BigDecimal.valueOf(count)));
    }

    /**
     * Paid awards of the policies by event year, in the zone's counties (the application's county, else the
     * registry's); cumulative from {@code since} when given, else each year on its own.
     */
    private List<Point> ledger(String zoneId, Derivation d) {
        String marks = String.join(",", Collections.nCopies(d.policies().size(), "?"));
        List<Object> args = new ArrayList<>(d.policies());
        args.add(config.cityCode(zoneId) + "%");
        TreeMap<Integer, Long> perYear = new TreeMap<>();
        jdbc.query("SELECT l.event_year, COUNT(*) FROM award_ledger l "
                        + "LEFT JOIN award_application a ON a.application_id = l.application_id "
                        + "LEFT JOIN enterprise e ON e.uscc = l.uscc "
                        + "WHERE l.status = 'PAID' AND l.policy_code IN (" + marks + ") "
                        + "AND COALESCE(a.county_code, e.county_code) LIKE ? GROUP BY l.event_year",
                rs -> {
                    perYear.put(rs.getInt(1), rs.getLong(2));
                }, args.toArray());
        List<Point> points = new ArrayList<>();
        if (d.since() == null) {
            perYear.forEach((y, n) -> points.add(new Point(String.valueOf(y), BigDecimal.valueOf(n))));
            return points;
        }
        long total = 0;
        int now = clock.instant().atZone(PLAN_TIME).getYear();
        int last = perYear.isEmpty() ? now : Math.max(now, perYear.lastKey());
        if (perYear.isEmpty()) {
            return points;
        }
        for (int y = Math.min(d.since(), perYear.firstKey()); y <= last; y++) {
            total += perYear.getOrDefault(y, 0L);
            if (y >= d.since()) {
                points.add(new Point(String.valueOf(y), BigDecimal.valueOf(total)));
            }
        }
        return points;
    }

    /** The rule of docs/indicators.md. */
    Status status(Target t, List<Point> series) {
        if (!t.comparator().numeric() || series.isEmpty()) {
            return Status.NO_DATA;
        }
        Point last = series.get(series.size() - 1);
        double at = time(last.period());
        if (t.perYear()) {
            if (meets(t, last.value(), t.value())) {
                return Status.MET;
            }
            boolean partYear = last.period().length() > 4;
            double share = partYear ? Integer.parseInt(last.period().substring(5, 7)) / 12.0 : 1;
            return partYear && meets(t, last.value(), t.value().multiply(BigDecimal.valueOf(share)))
                    ? Status.ON_TRACK : Status.BEHIND;
        }
        if (meets(t, last.value(), t.value())) {
            return Status.MET;
        }
        if (at >= t.year()) {
            return Status.BEHIND;
        }
        Point base = null;
        if (t.baseline() != null) {
            base = new Point(String.valueOf(t.baseline().year()), t.baseline().value());
        } else if (series.size() > 1) {
            base = series.get(0);
        }
        if (base == null) {
            return Status.ON_TRACK;
        }
        double baseAt = time(base.period());
        if (baseAt >= at) {
            return Status.ON_TRACK;
        }
        double share = (at - baseAt) / (t.year() - baseAt);
        BigDecimal expected = base.value().add(t.value().subtract(base.value())
                .multiply(BigDecimal.valueOf(share), MathContext.DECIMAL64));
        return meets(t, last.value(), expected) ? Status.ON_TRACK : Status.BEHIND;
    }

    /** Whether a value meets a level under the target's comparator; ABOUT allows the configured tolerance below. */
    private boolean meets(Target t, BigDecimal actual, BigDecimal level) {
        return switch (t.comparator()) {
            case AT_LEAST -> actual.compareTo(level) >= 0;
            case AT_MOST -> actual.compareTo(level) <= 0;
            case ABOUT -> actual.compareTo(level.multiply(BigDecimal.ONE.subtract(aboutTolerance))
                    .setScale(6, RoundingMode.HALF_UP)) >= 0;
            case TEXT -> false;
        };
    }

    /** A period as a point in time in years: YYYY is that year's end, YYYY-MM that month's end. */
    static double time(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        if (period.length() == 4) {
            return year;
        }
        return year - 1 + Integer.parseInt(period.substring(5, 7)) / 12.0;
    }
}
