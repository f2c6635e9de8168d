package cn.gov.sd.pilotzone.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub's native queries on Flowable's tables. They name Flowable's tables and were measured on the version
 * pinned here: when Flowable is upgraded this test fails first, so the queries are checked (and the speed-up
 * measured) again rather than silently reading a renamed table.
 */
@HubIntegrationTest
class EngineTablesIT {

    @Autowired
    EngineTables engine;
    @Autowired
    RuntimeService runtime;

    @Test
    void theNativeQueryWasWrittenForThisFlowableVersion() {
        assertThat(ProcessEngine.VERSION).isEqualTo("7.2.0.2");
    }

    @Test
    void findsTheSameBusinessKeysAsThePublicQuery() {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().listPage(0, 50);
        assertThat(running).as("the demo data starts processes").isNotEmpty();
        Set<String> ids = running.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        Map<String, String> expected = new HashMap<>();
        running.forEach(pi -> expected.put(pi.getId(), pi.getBusinessKey()));

        assertThat(engine.businessKeys(ids)).isEqualTo(expected);
        assertThat(engine.businessKeys(Set.of())).isEmpty();
    }
}
