package cn.gov.sd.pilotzone.monitoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import cn.gov.sd.pilotzone.monitoring.OperationDataReader.OperationRecord;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The fluctuation list, always computed from the stored indicators with one set-based query (never row by row):
 * each month joined by key to the same month a year earlier ({@code month_no - 12}), the fall compared with
 * {@link MonitoringSettings#fallFactor} (the rule itself: {@code hub.monitoring.fluctuation-threshold}), the registry and
 * the follow-ups joined in. Because it is computed, a re-sent
 * month that corrects the figures corrects the list too; a follow-up already started stays (and is shown).
 */
@Repository
public class Fluctuations {

    private static final String SELECT = "SELECT c.uscc, c.period, c.revenue, p.revenue AS revenue_ly, "
            + "c.electricity_kwh, p.electricity_kwh AS electricity_ly, e.name, e.county_code, e.mu_class, "
            + "f.status AS follow_up_status, f.process_instance_id "
            + "FROM operation_data c "
            + "JOIN operation_data p ON p.month_no = c.month_no - 12 AND p.uscc = c.uscc "
            + "LEFT JOIN enterprise e ON e.uscc = c.uscc "
            + "LEFT JOIN enterprise_follow_up f ON f.uscc = c.uscc AND f.period = c.period "
            + "WHERE c.month_no IN (%s) "
            + "AND ((p.revenue > 0 AND c.revenue <= p.revenue * ?) "
            + "OR (p.electricity_kwh > 0 AND c.electricity_kwh <= p.electricity_kwh * ?))";

    private final JdbcTemplate jdbc;
    private final MonitoringSettings settings;

    public Fluctuations(JdbcTemplate jdbc, MonitoringSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * The fluctuating enterprises of these months that have no follow-up yet: one query for all of them, run only
     * for months that have data and a year-earlier month with data (a statistics bureau's first month costs nothing).
     */
    public List<Fluctuation> withoutFollowUp(Collection<Integer> monthNos) {
        List<Integer> comparable = monthNos.stream().filter(m -> hasData(m) && hasData(m - 12)).toList();
        if (comparable.isEmpty()) {
            return List.of();
        }
        return query(comparable, " AND f.uscc IS NULL ORDER BY c.month_no, c.uscc", List.of());
    }

    private boolean hasData(int monthNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM operation_month WHERE month_no = ?", Integer.class,
                monthNo) > 0;
    }

    /** The list of one period, all counties ({@code countyCode} null) or one county's. */
    public List<Fluctuation> list(YearMonth period, String countyCode) {
        List<Object> extra = new ArrayList<>();
        String where = "";
        if (countyCode != null) {
            where = " AND e.county_code = ?";
            extra.add(countyCode);
        }
        return query(List.of(OperationRecord.monthNo(period)), where + " ORDER BY e.county_code, c.uscc", extra);
    }

    private List<Fluctuation> query(Collection<Integer> monthNos, String tail, List<Object> extra) {
        BigDecimal factor = settings.fallFactor();
        List<Object> args = new ArrayList<>(monthNos);
        args.add(factor);
        args.add(factor);
        args.addAll(extra);
        String sql = String.format(SELECT, String.join(",", Collections.nCopies(monthNos.size(), "?"))) + tail;
        return jdbc.query(sql, Fluctuations::map, args.toArray());
    }

    private static Fluctuation map(ResultSet rs, int i) throws SQLException {
        String status = rs.getString("follow_up_status");
        return new Fluctuation(rs.getString("uscc"), rs.getString("period"), rs.getString("name"),
                rs.getString("county_code"), rs.getString("mu_class"), rs.getBigDecimal("revenue"),
                rs.getBigDecimal("revenue_ly"), rs.getBigDecimal("electricity_kwh"), rs.getBigDecimal("electricity_ly"),
                status == null ? null : FollowUpStatus.valueOf(status), rs.getString("process_instance_id"));
    }
}
