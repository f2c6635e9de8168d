package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The award figures that supervisors watch (the dashboard), read in a few grouped queries over whole tables. */
@Component
public class AwardFigures {

    /**
     * One policy's applications that are alive or paid (not rejected or withdrawn) with the yuan they carry
     * (approved, else proposed), and its paid ledger entries with the yuan paid.
     */
    public record PolicyFigures(String policyCode, long applications, BigDecimal amount, long paid,
                                BigDecimal paidAmount) {
    }

    private final JdbcTemplate jdbc;
    private final AwardCatalog catalog;

    AwardFigures(JdbcTemplate jdbc, AwardCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** Per policy that has applications or payments: the catalog's first, in its order, then unknown codes. */
    public List<PolicyFigures> byPolicy() {
        record Sum(long count, BigDecimal amount) {
        }
        Map<String, Sum> alive = new HashMap<>();
        jdbc.query("SELECT policy_code, COUNT(*) AS n, SUM(COALESCE(approved_amount, proposed_amount)) AS amount"
                        + " FROM award_application WHERE status NOT IN ('REJECTED', 'WITHDRAWN') GROUP BY policy_code",
                rs -> {
                    alive.put(rs.getString("policy_code"), new Sum(rs.getLong("n"), rs.getBigDecimal("amount")));
                });
        Map<String, Sum> paid = new HashMap<>();
        jdbc.query("SELECT policy_code, COUNT(*) AS n, SUM(amount) AS amount FROM award_ledger WHERE status = 'PAID'"
                        + " GROUP BY policy_code",
                rs -> {
                    paid.put(rs.getString("policy_code"), new Sum(rs.getLong("n"), rs.getBigDecimal("amount")));
                });
        List<String> codes = new ArrayList<>();
        catalog.all().stream().map(AwardPolicy::code).filter(c -> alive.containsKey(c) || paid.containsKey(c))
                .forEach(codes::add);
        new TreeSet<>(alive.keySet()).stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        Sum none = new Sum(0, BigDecimal.ZERO);
        return codes.stream().map(code -> {
            Sum a = alive.getOrDefault(code, none);
            Sum p = paid.getOrDefault(code, none);
            return new PolicyFigures(code, a.count(), a.amount(), p.count(), p.amount());
        }).toList();
    }

    /** Applications per status, every status of the process in its order, zero where there is none. */
    public Map<AwardApplication.Status, Long> byStatus() {
        Map<String, Long> found = new HashMap<>();
        jdbc.query("SELECT status, COUNT(*) AS n FROM award_application GROUP BY status",
                rs -> {
                    found.put(rs.getString("status"), rs.getLong("n"));
                });
        Map<AwardApplication.Status, Long> counts = new EnumMap<>(AwardApplication.Status.class);
        for (AwardApplication.Status s : AwardApplication.Status.values()) {
            counts.put(s, found.getOrDefault(s.name(), 0L));
        }
        return counts;
    }
}
