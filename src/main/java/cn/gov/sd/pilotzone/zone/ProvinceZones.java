package cn.gov.sd.pilotzone.zone;

import java.util.List;
import java.util.Optional;

import cn.gov.sd.pilotzone.security.Caller;

/**
 * The province's pilot zones as the zone package needs them (docs/province.md): every zone the province knows, with
 * a lifecycle plan in {@code config/zones/} or not, the city 工信局 that answers for it, and who oversees them all
 * (省工信厅). The province package answers it; the zone package asks through this so that it needs nothing of the
 * province.
 */
public interface ProvinceZones {

    /** {@code bureau}: the city's 工信局, which sees its own zone. */
    record KnownZone(String zoneId, String name, String nameEn, String bureau) {
    }

    List<KnownZone> all();

    default Optional<KnownZone> find(String zoneId) {
        return all().stream().filter(z -> z.zoneId().equals(zoneId)).findFirst();
    }

    /** The province's own clerks (省工信厅), who look at every zone as supervisors do. */
    boolean overseesAll(Caller caller);
}
