package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class FeedTransportsTest {

    private static final Set<String> INBOUND = Set.of("enterprises", "award-applications");
    private static final Set<String> OUTBOUND = Set.of("payment-instructions", "public-notices");
    private static final Set<String> TABLES = Set.of("ex_enterprises", "ex_payment_instructions");

    @Test
    void knownFeedsOnSftpAndTheirTablesStart() {
        assertThatCode(() -> FeedTransports.check(INBOUND, OUTBOUND, Set.of("enterprises", "payment-instructions"),
                Set.of("enterprises", "payment-instructions"), TABLES)).doesNotThrowAnyException();
    }

    @Test
    void anSftpBlockForAFeedTheHubDoesNotHaveStopsTheStartNamingIt() {
        assertThatThrownBy(() -> FeedTransports.check(INBOUND, OUTBOUND, Set.of("enterprise"), Set.of(), TABLES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hub.exchange.sftp.enterprise")
                .hasMessageContaining("no feed enterprise");
    }

    @Test
    void aDatabaseFeedWithoutAnExchangeTableStopsTheStartNamingIt() {
        assertThatThrownBy(() -> FeedTransports.check(INBOUND, OUTBOUND, Set.of(), Set.of("public-notices"), TABLES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("public-notices")
                .hasMessageContaining("ex_public_notices");
        assertThatThrownBy(() -> FeedTransports.check(INBOUND, OUTBOUND, Set.of(), Set.of("site-visits"), TABLES))
                .hasMessageContaining("no feed site-visits");
    }

    @Test
    void theTablesAreTheOnesTheScriptCreates() {
        ExchangeDatabase none = new ExchangeDatabase("", "", "", "", true, "config/exchange-tables.sql");
        assertThat(none.tables()).containsExactlyInAnyOrder("ex_enterprises", "ex_credit_records",
                "ex_recognition_lists", "ex_operation_data", "ex_payment_receipts", "ex_indicators",
                "ex_payment_instructions", "ex_application_results");
        assertThat(new ExchangeDatabase("", "", "", "", true, "no/such/script.sql").tables()).isEmpty();
    }

    @Test
    void withoutTheScriptOnlyTheFeedNamesAreChecked() {
        assertThatCode(() -> FeedTransports.check(INBOUND, OUTBOUND, Set.of(), Set.of("award-applications"), Set.of()))
                .doesNotThrowAnyException();
    }
}
