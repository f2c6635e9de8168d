package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.AwardApplication.Event;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A case's history, as the case page lists it. */
@HubIntegrationTest
class CaseHistoryIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AwardApplicationParser parser;

    @Test
    void eventsOfTheSameMillisecondAreListedInTheOrderTheyHappened() {
        ApplicationStore store = new ApplicationStore(jdbc,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07.089Z"), ZoneOffset.UTC), parser);
        String id = "WF-" + UUID.randomUUID();
        List<String> steps = IntStream.range(0, 20).mapToObj(i -> "step" + i).toList();
        steps.forEach(step -> store.addEvent(id, "clerk", step, null, null, null));

        assertThat(store.events(id)).extracting(Event::step).containsExactlyElementsOf(steps);
    }
}
