package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.gov.sd.pilotzone.common.Utc;
import cn.gov.sd.pilotzone.security.Caller;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The award ledger (奖励台账, table {@code award_ledger}) with its applications' data, as the ledger export lists it:
 * reserved awards (in review) and paid ones. Scoped like the applications: a county bureau sees its county's.
 */
@Service
class LedgerReport {

    public record Row(String applicationId, String uscc, String enterpriseName, String countyCode, String policyCode,
                      int eventYear, String channel, String applicationStatus, String ledgerStatus,
                      BigDecimal proposedAmount, BigDecimal approvedAmount, BigDecimal paidAmount, String paymentId,
                      LocalDate paidOn, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;
    private final AwardAccess access;

    LedgerReport(JdbcTemplate jdbc, AwardAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public List<Row> rows(Caller caller, int limit) {
        AwardAccess.Scope scope = access.scope(caller);
        if (scope.none()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT l.application_id, l.uscc, l.policy_code, l.event_year,"
                + " l.status AS ledger_status, l.amount AS paid_amount, l.payment_id, l.paid_on, l.updated_at,"
                + " a.enterprise_name, a.county_code, a.channel, a.status AS application_status, a.proposed_amount,"
                + " a.approved_amount FROM award_ledger l LEFT JOIN award_application a"
                + " ON a.application_id = l.application_id");
        List<Object> args = new ArrayList<>();
        if (!scope.all()) {
            sql.append(" WHERE a.county_code = ?");
            args.add(scope.countyCode());
        }
        sql.append(" ORDER BY l.event_year DESC, l.policy_code, l.uscc LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new Row(rs.getString("application_id"), rs.getString("uscc"),
                rs.getString("enterprise_name"), rs.getString("county_code"), rs.getString("policy_code"),
                rs.getInt("event_year"), rs.getString("channel"), rs.getString("application_status"),
                rs.getString("ledger_status"), rs.getBigDecimal("proposed_amount"), rs.getBigDecimal("approved_amount"),
                rs.getBigDecimal("paid_amount"), rs.getString("payment_id"), rs.getObject("paid_on", LocalDate.class),
                Utc.instant(rs.getObject("updated_at", LocalDateTime.class))), args.toArray());
    }
}
