package cn.gov.sd.pilotzone.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.util.unit.DataSize;

/**
 * Starting lifecycles: auto-start at boot only when configured, once per zone; bad period overrides refused; within
 * the plan (the coordinator's), each from a day to the plan's horizon.
 */
class ZoneLifecyclesTest {

    final ZonePlans plans = new ZonePlans(ZonePlansTest.CONFIG, ZonePlansTest.BUREAUS);
    final ZoneStore store = mock(ZoneStore.class);
    final RuntimeService runtime = mock(RuntimeService.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void engine() {
        ProcessInstance pi = mock(ProcessInstance.class);
        when(pi.getId()).thenReturn("pi-1");
        when(runtime.startProcessInstanceByKey(eq(ZoneLifecycles.PROCESS), anyString(), anyMap())).thenReturn(pi);
    }

    @Test
    void noAutoStartUnlessConfigured() {
        lifecycles(false).autoStart();

        verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString(), anyMap());
    }

    @Test
    void autoStartStartsZonesThatNeverHadALifecycle() {
        when(store.everStarted("weifang")).thenReturn(true);

        lifecycles(true).autoStart();

        verify(runtime).startProcessInstanceByKey(eq(ZoneLifecycles.PROCESS), eq("zibo"), anyMap());
        verify(runtime, never()).startProcessInstanceByKey(eq(ZoneLifecycles.PROCESS), eq("weifang"), anyMap());
    }

    @Test
    void autoStartLeavesAZoneToTheNodeThatStartedItFirst() {
        doThrow(new DuplicateKeyException("running")).when(store)
                .insertLifecycle(anyString(), eq("weifang"), anyString(), anyString(), any(), anyString());

        lifecycles(true).autoStart();

        verify(runtime).startProcessInstanceByKey(eq(ZoneLifecycles.PROCESS), eq("zibo"), anyMap());
    }

    @Test
    void badPeriodOverridesAreRefusedByField() {
        assertThatThrownBy(() -> lifecycles(false).start("weifang", "admin",
                new Timeline.Overrides("soon", null, "PT-1S", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("mobilizationPeriod").hasMessageContaining("reportPeriod");
    }

    @Test
    void withinThePlanEachPeriodLastsFromADayToThePlansHorizon() {
        long horizon = ZoneLifecycles.horizonDays(plans.get("weifang"));
        assertThatThrownBy(() -> lifecycles(false).start("weifang", "gxj",
                new Timeline.Overrides("PT23H59M", "P" + (horizon + 1) + "D", "P99999999999Y", "P1D"), true))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(Problem::field, Problem::code).containsExactly(
                                tuple("mobilizationPeriod", "zone.periodRange"),
                                tuple("implementationPeriod", "zone.periodRange"),
                                tuple("reportPeriod", "zone.periodRange")));
        verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString(), anyMap());

        lifecycles(false).start("weifang", "gxj", new Timeline.Overrides("P1D", "P" + horizon + "D", "P3M", null), true);
        lifecycles(false).start("zibo", "admin", new Timeline.Overrides("PT0S", "PT10S", "PT1S", "PT1S"), false);
        verify(runtime).startProcessInstanceByKey(eq(ZoneLifecycles.PROCESS), eq("weifang"), anyMap());
        verify(runtime).startProcessInstanceByKey(eq(ZoneLifecycles.PROCESS), eq("zibo"), anyMap());
    }

    private ZoneLifecycles lifecycles(boolean autoStart) {
        ZoneSettings settings = new ZoneSettings("P3M", "P3M", null, null, new BigDecimal("80"), 3, autoStart,
                DataSize.ofMegabytes(20));
        return new ZoneLifecycles(plans, store, settings, runtime, clock);
    }
}
