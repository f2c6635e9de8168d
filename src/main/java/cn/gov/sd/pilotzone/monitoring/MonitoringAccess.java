package cn.gov.sd.pilotzone.monitoring;

import java.util.Optional;

import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.security.Caller;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees which fluctuation list: supervisors, administrators and system accounts, and the clerks of the bureaus
 * in {@code hub.monitoring.see-all} (市工信局 and 市统计局 lead seed 001 item 14) see every county; a county
 * industry bureau sees its own county's enterprises; other bureaus have no part in it (403).
 */
@Component
class MonitoringAccess {

    /** {@code countyCode} null = every county. */
    public record Scope(String countyCode) {
        public boolean all() {
            return countyCode == null;
        }
    }

    private final BureauDirectory bureaus;
    private final MonitoringSettings settings;

    MonitoringAccess(BureauDirectory bureaus, MonitoringSettings settings) {
        this.bureaus = bureaus;
        this.settings = settings;
    }

    public Scope scope(Caller caller) {
        if (caller.seesEverything() || settings.seeAll().contains(caller.bureauCode())) {
            return new Scope(null);
        }
        Optional<Bureau> bureau = Optional.ofNullable(caller.bureauCode()).flatMap(bureaus::find);
        return bureau.map(Bureau::countyCode).filter(c -> !c.isBlank()).map(Scope::new)
                .orElseThrow(() -> new AccessDeniedException(caller.username()
                        + ": the fluctuation list is for county industry bureaus, 市工信局, 市统计局 and supervisors"));
    }
}
