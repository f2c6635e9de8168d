package cn.gov.sd.pilotzone.province;

import java.util.List;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.zone.ProvinceZones;

import org.springframework.stereotype.Component;

/** Answers the zone package's questions about the province's zones from {@code config/province/zones.yml}. */
@Component
class ProvinceZoneList implements ProvinceZones {

    private final ProvinceConfig config;
    private final ProvinceAccess access;

    ProvinceZoneList(ProvinceConfig config, ProvinceAccess access) {
        this.config = config;
        this.access = access;
    }

    @Override
    public List<KnownZone> all() {
        return config.zones().stream().map(z -> new KnownZone(z.id(), z.name(), z.nameEn(), z.bureau())).toList();
    }

    @Override
    public boolean overseesAll(Caller caller) {
        return caller.isClerk() && access.isProvince(caller);
    }
}
