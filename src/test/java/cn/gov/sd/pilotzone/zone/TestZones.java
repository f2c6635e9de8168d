package cn.gov.sd.pilotzone.zone;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** A zone's lifecycles as tests of other packages look them up, through the package-private store. */
@Component
public class TestZones {

    private final ZoneStore store;

    TestZones(ZoneStore store) {
        this.store = store;
    }

    /** The zone's running lifecycle, if one runs. */
    public Optional<Lifecycle> running(String zoneId) {
        return store.running(zoneId);
    }

    /** The lifecycle the zone page shows (running, else the last that ended other than cancelled). */
    public Optional<Lifecycle> current(String zoneId) {
        return store.current(zoneId);
    }
}
