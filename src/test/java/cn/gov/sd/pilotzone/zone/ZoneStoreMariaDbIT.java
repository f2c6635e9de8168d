package cn.gov.sd.pilotzone.zone;

import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.MariaDb;

/** {@link ZoneStoreTests} on MariaDB (mysql profile), when reachable and always under CI=true. */
@HubIntegrationTest
@MariaDb
class ZoneStoreMariaDbIT extends ZoneStoreTests {
}
