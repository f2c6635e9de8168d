package cn.gov.sd.pilotzone.exchange;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.springframework.context.annotation.Import;

/** {@link InboundClaimsTests} on H2. */
@HubIntegrationTest
@Import(HubClient.class) // the context of the other ITs
class InboundClaimsIT extends InboundClaimsTests {
}
