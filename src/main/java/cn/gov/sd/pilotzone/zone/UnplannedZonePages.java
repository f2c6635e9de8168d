package cn.gov.sd.pilotzone.zone;

import java.util.Optional;

import cn.gov.sd.pilotzone.security.Caller;

import org.springframework.ui.Model;

/**
 * The page of a province zone that has no lifecycle plan in {@code config/zones/}: its designation and targets as
 * the province page shows them (docs/province.md). The province package draws it; the zone page asks through this
 * so that the zone package needs nothing of the province.
 */
public interface UnplannedZonePages {

    /** Fills the model and names the template; empty when the zone is unknown or not the caller's to see. */
    Optional<String> page(Caller caller, String zoneId, Model model);
}
