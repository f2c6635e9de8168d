package cn.gov.sd.pilotzone.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;

import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fluctuation rule is the query of {@link Fluctuations}: driven here at its boundary with the threshold the hub
 * runs with ({@code hub.monitoring.fluctuation-threshold}), for revenue and for electricity, on enterprises and
 * months of its own (a county code and a year no other test uses).
 */
@HubIntegrationTest
class FluctuationsIT {

    private static final BigDecimal LAST_YEAR = new BigDecimal("1000.00");
    private static final BigDecimal CENT = new BigDecimal("0.01");

    @Autowired
    Fluctuations fluctuations;
    @Autowired
    MonitoringSettings settings;
    @Autowired
    JdbcTemplate jdbc;

    private final String county = "39" + (1000 + ThreadLocalRandom.current().nextInt(9000));
    private final YearMonth period = YearMonth.of(2090, 1 + ThreadLocalRandom.current().nextInt(12));

    @Test
    void aFallOfExactlyTheThresholdOrMoreIsAFluctuationAndLessIsNot() {
        BigDecimal atThreshold = LAST_YEAR.multiply(BigDecimal.ONE.subtract(settings.fluctuationThreshold()));
        revenue("RE", atThreshold);
        revenue("RM", atThreshold.subtract(CENT));
        revenue("RL", atThreshold.add(CENT));
        electricity("EE", atThreshold);
        electricity("EM", atThreshold.subtract(CENT));
        electricity("EL", atThreshold.add(CENT));

        assertThat(fluctuations.list(period, county)).extracting(Fluctuation::uscc)
                .containsExactlyInAnyOrder(uscc("RE"), uscc("RM"), uscc("EE"), uscc("EM"));
    }

    @Test
    void stoppedProductionIsAFallAndAYearWithoutAPositiveValueSaysNothing() {
        revenue("S0", BigDecimal.ZERO);
        enterprise("NB", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        enterprise("NL", null, null, BigDecimal.ZERO, BigDecimal.ZERO);

        assertThat(fluctuations.list(period, county)).extracting(Fluctuation::uscc).containsExactly(uscc("S0"));
    }

    /** Revenue from LAST_YEAR to {@code now}; electricity unchanged. */
    private void revenue(String tag, BigDecimal now) {
        enterprise(tag, LAST_YEAR, LAST_YEAR, now, LAST_YEAR);
    }

    /** Electricity from LAST_YEAR to {@code now}; revenue unchanged. */
    private void electricity(String tag, BigDecimal now) {
        enterprise(tag, LAST_YEAR, LAST_YEAR, LAST_YEAR, now);
    }

    private void enterprise(String tag, BigDecimal revenueLastYear, BigDecimal electricityLastYear, BigDecimal revenue,
                            BigDecimal electricity) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO enterprise (uscc, name, county_code, updated_at) VALUES (?, ?, ?, ?)", uscc(tag),
                "波动测试企业" + tag, county, now);
        month(tag, period.minusYears(1), revenueLastYear, electricityLastYear, now);
        month(tag, period, revenue, electricity, now);
    }

    private void month(String tag, YearMonth month, BigDecimal revenue, BigDecimal electricity, Timestamp now) {
        jdbc.update("INSERT INTO operation_data (month_no, uscc, period, revenue, electricity_kwh, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", month.getYear() * 12 + month.getMonthValue() - 1, uscc(tag),
                month.toString(), revenue, electricity, now);
    }

    /** 18 characters, unique to this test's county (tags are 2 characters). */
    private String uscc(String tag) {
        return "91" + county + "FLUCTEST" + tag;
    }
}
