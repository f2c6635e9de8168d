package cn.gov.sd.pilotzone.exchange;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.springframework.context.annotation.Import;

/** {@link ExchangeTablesTests} with H2 as the hub's and the exchange database. */
@HubIntegrationTest
@Import(HubClient.class) // the context of the other ITs
class ExchangeTablesIT extends ExchangeTablesTests {
}
