package cn.gov.sd.pilotzone.province;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import cn.gov.sd.pilotzone.common.BatchUpsert;
import cn.gov.sd.pilotzone.exchange.FeedCharsets;
import cn.gov.sd.pilotzone.exchange.FeedHandler;
import cn.gov.sd.pilotzone.province.IndicatorReader.IndicatorValue;
import cn.gov.sd.pilotzone.province.IndicatorReader.Parsed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inbound feed {@code indicators} (市统计局 / 省统计局; docs/indicators.md): the actual values of the zones' targets.
 * One transaction per file: the good rows are written (a re-sent period replaces its value), the bad rows are
 * left out and listed by line in {@code error/indicators/<file>.error.txt}.
 */
@Component
class IndicatorFeed implements FeedHandler {

    private final ProvinceConfig config;
    private final JdbcTemplate jdbc;
    private final FeedCharsets charsets;
    private final Clock clock;

    IndicatorFeed(ProvinceConfig config, JdbcTemplate jdbc, FeedCharsets charsets, Clock clock) {
        this.config = config;
        this.jdbc = jdbc;
        this.charsets = charsets;
        this.clock = clock;
    }

    @Override
    public String feed() {
        return "indicators";
    }

    @Override
    @Transactional
    public FeedResult accept(String fileName, byte[] content) {
        Parsed parsed = IndicatorReader.read(fileName, content, charsets.of(feed()), config::target);
        store(parsed.rows(), fileName);
        return new FeedResult(parsed.total(), parsed.rows().size(), parsed.problems());
    }

    /** Writes values in the caller's transaction; also for other readers of the same rows. */
    public void store(List<IndicatorValue> values, String source) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = values.stream()
                .map(v -> new Object[] {v.value(), source, now, v.zoneId(), v.code(), v.period()}).toList();
        BatchUpsert.apply(jdbc,
                "UPDATE indicator_value SET actual_value = ?, file_name = ?, updated_at = ? "
                        + "WHERE zone_id = ? AND indicator_code = ? AND period = ?",
                "INSERT INTO indicator_value (actual_value, file_name, updated_at, zone_id, indicator_code, period) "
                        + "VALUES (?,?,?,?,?,?)", rows);
    }
}
