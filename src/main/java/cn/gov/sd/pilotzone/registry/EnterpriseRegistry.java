package cn.gov.sd.pilotzone.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.BatchUpsert;
import cn.gov.sd.pilotzone.common.Utc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The enterprise registry (一企一档), fed by market regulation and 市工信局 through the {@code enterprises} feed. */
@Repository
public class EnterpriseRegistry {

    private static final String UPDATE = "UPDATE enterprise SET name=?, county_code=?, industry=?, above_scale=?, "
            + "bank_name=?, account_name=?, account_no=?, mu_class=COALESCE(?, mu_class), updated_at=? WHERE uscc=?";
    private static final String INSERT = "INSERT INTO enterprise (name, county_code, industry, above_scale, bank_name, "
            + "account_name, account_no, mu_class, updated_at, uscc) VALUES (?,?,?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public EnterpriseRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Enterprise> find(String uscc) {
        return jdbc.query("SELECT * FROM enterprise WHERE uscc = ?", EnterpriseRegistry::map, uscc).stream().findFirst();
    }

    /** The registry entries of these enterprises (those it has), by USCC: one query per 500 codes. */
    public Map<String, Enterprise> findAll(Collection<String> usccs) {
        List<String> codes = usccs.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, Enterprise> found = new HashMap<>();
        for (int from = 0; from < codes.size(); from += 500) {
            List<String> chunk = codes.subList(from, Math.min(from + 500, codes.size()));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT * FROM enterprise WHERE uscc IN (" + marks + ")", EnterpriseRegistry::map,
                    chunk.toArray()).forEach(e -> found.put(e.uscc(), e));
        }
        return found;
    }

    /** Inserts or updates all, in the caller's transaction; a missing 亩产效益 class keeps the known one. */
    public void upsert(List<Enterprise> enterprises) {
        var now = Utc.of(clock.instant());
        List<Object[]> args = enterprises.stream().map(e -> new Object[] {e.name(), e.countyCode(), e.industry(),
                e.aboveScale(), e.bankName(), e.accountName(), e.accountNo(), e.muClass(), now, e.uscc()}).toList();
        BatchUpsert.apply(jdbc, UPDATE, INSERT, args);
    }

    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM enterprise", Long.class);
    }

    private static Enterprise map(ResultSet rs, int i) throws SQLException {
        return new Enterprise(rs.getString("uscc"), rs.getString("name"), rs.getString("county_code"),
                rs.getString("industry"), (Boolean) rs.getObject("above_scale"), rs.getString("bank_name"),
                rs.getString("account_name"), rs.getString("account_no"), rs.getString("mu_class"));
    }
}
