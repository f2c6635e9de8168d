package cn.gov.sd.pilotzone.province;

import java.util.Optional;

import cn.gov.sd.pilotzone.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Who sees which zone of the province (docs/province.md): supervisors, administrators, system accounts and the
 * province's own clerks (省工信厅) see every zone; a city's 工信局 sees its own zone only, and with it the
 * province's targets (a public plan). Another city's zone, its designation and its evaluations are "not found".
 */
@Component
class ProvinceAccess {

    private final ProvinceConfig config;

    ProvinceAccess(ProvinceConfig config) {
        this.config = config;
    }

    public boolean seesAll(Caller caller) {
        return caller.seesEverything() || config.provinceBureau().equals(caller.bureauCode());
    }

    public boolean seesZone(Caller caller, String zoneId) {
        if (!config.knows(zoneId)) {
            return false;
        }
        return seesAll(caller) || config.provinceId().equals(zoneId)
                || config.zone(zoneId).map(z -> z.bureau().equals(caller.bureauCode())).orElse(false);
    }

    /** The zone whose 工信局 this caller is, if any. */
    public Optional<ProvinceZone> ownZone(Caller caller) {
        return config.zones().stream().filter(z -> caller.isClerk() && z.bureau().equals(caller.bureauCode()))
                .findFirst();
    }

    /** 省工信厅's decisions (formal check, decision, rating) and administrators. */
    public boolean isProvince(Caller caller) {
        return config.provinceBureau().equals(caller.bureauCode());
    }
}
