package cn.gov.sd.pilotzone.task;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.MariaDb;

import org.springframework.context.annotation.Import;

/** {@link EngineTablesTests} on MariaDB (mysql profile), when reachable and always under CI=true. */
@HubIntegrationTest
@Import(HubClient.class) // the context of the other ITs
@MariaDb
class EngineTablesMariaDbIT extends EngineTablesTests {
}
