package cn.gov.sd.pilotzone.exchange;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.MariaDb;

import org.springframework.context.annotation.Import;

/** {@link ExchangeTablesTests} on MariaDB: the hub's database and the exchange database side by side. */
@HubIntegrationTest
@Import(HubClient.class) // the context of the other MariaDB ITs
@MariaDb
class ExchangeTablesMariaDbIT extends ExchangeTablesTests {
}
