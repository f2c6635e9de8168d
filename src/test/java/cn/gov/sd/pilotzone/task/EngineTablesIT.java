package cn.gov.sd.pilotzone.task;

import cn.gov.sd.pilotzone.HubIntegrationTest;

/** {@link EngineTablesTests} on H2. */
@HubIntegrationTest
class EngineTablesIT extends EngineTablesTests {
}
