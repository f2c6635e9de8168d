package cn.gov.sd.pilotzone.zone;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a zone stands in the province's designation (zoneDesignation, docs/province.md), shown with the zone.
 * The province package answers it; the zone package asks through this so that it needs nothing of the province.
 */
public interface ZoneDesignations {

    /** {@code status} is a value of the designation's status (LISTED, …); {@code batch} the 批次 it is listed in. */
    record DesignationSummary(String status, String batch, LocalDate listedOn) {
    }

    Optional<DesignationSummary> of(String zoneId);
}
