package cn.gov.sd.pilotzone.zone;

import cn.gov.sd.pilotzone.HubIntegrationTest;

/** {@link ZoneStoreTests} on the embedded H2 database. */
@HubIntegrationTest
class ZoneStoreIT extends ZoneStoreTests {
}
