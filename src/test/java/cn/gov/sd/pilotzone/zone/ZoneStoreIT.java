package cn.gov.sd.pilotzone.zone;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.springframework.context.annotation.Import;

/** {@link ZoneStoreTests} on the embedded H2 database. */
@HubIntegrationTest
@Import(HubClient.class) // the context of the other ITs
class ZoneStoreIT extends ZoneStoreTests {
}
