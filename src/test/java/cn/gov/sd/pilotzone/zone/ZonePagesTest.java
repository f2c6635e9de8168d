package cn.gov.sd.pilotzone.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;


import org.junit.jupiter.api.Test;

class ZonePagesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneViews.PhaseItem IMPLEMENTATION = new ZoneViews.PhaseItem(ZonePlan.PhaseCode.IMPLEMENTATION,
            "推进实施", "Implementation", LocalDate.of(2021, 7, 1), LocalDate.of(2024, 12, 31));

    @Test
    void aZoneWithoutALifecycleIsLateByThePlansDates() {
        ZonePages.Late late = ZonePages.late(IMPLEMENTATION, null, LocalDate.of(2025, 1, 10), SHANGHAI);
        assertThat(late.days()).isEqualTo(10);
        assertThat(late.phase().end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(ZonePages.late(IMPLEMENTATION, null, LocalDate.of(2024, 12, 31), SHANGHAI)).isNull();
        assertThat(ZonePages.late(null, null, LocalDate.of(2030, 1, 1), SHANGHAI)).isNull();
    }

    @Test
    void aRunningLifecyclesOwnDueDateDecides() {
        // due at midnight Beijing time: the last day of the phase is the day before
        Instant due = LocalDate.of(2027, 3, 1).atStartOfDay(SHANGHAI).toInstant();
        ZoneViews.LifecycleItem lifecycle = new ZoneViews.LifecycleItem("L1", "p1", Lifecycle.Status.RUNNING, "gxj",
                Instant.EPOCH, "P3M", Instant.EPOCH, due, null, List.of(), 0, null, null, 0);
        assertThat(ZonePages.late(IMPLEMENTATION, lifecycle, LocalDate.of(2027, 2, 28), SHANGHAI)).isNull();
        ZonePages.Late late = ZonePages.late(IMPLEMENTATION, lifecycle, LocalDate.of(2027, 3, 3), SHANGHAI);
        assertThat(late.days()).isEqualTo(3);
        assertThat(late.phase().end()).isEqualTo(LocalDate.of(2027, 2, 28));
    }
}
