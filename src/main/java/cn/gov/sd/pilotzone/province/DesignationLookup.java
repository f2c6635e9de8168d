package cn.gov.sd.pilotzone.province;

import java.util.Optional;

import cn.gov.sd.pilotzone.zone.ZoneDesignations;

import org.springframework.stereotype.Component;

/** Answers the zone package's question where a zone stands in its designation. */
@Component
class DesignationLookup implements ZoneDesignations {

    private final DesignationStore store;

    DesignationLookup(DesignationStore store) {
        this.store = store;
    }

    @Override
    public Optional<DesignationSummary> of(String zoneId) {
        return store.find(zoneId).map(d -> new DesignationSummary(d.status().name(), d.batch(), d.listedOn()));
    }
}
