package cn.gov.sd.pilotzone.award;

import java.util.Optional;

import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Which applications a caller may see: supervisors, administrators, system accounts and bureaus with
 * {@code awardScope: all} (市工信局, 市财政局) see all; a county bureau sees its own county's; others none.
 */
@Component
class AwardAccess {

    /** The county a caller is restricted to: empty = all, a code = that county; null = nothing. */
    public record Scope(boolean all, String countyCode) {
        public boolean none() {
            return !all && countyCode == null;
        }
    }

    private final BureauDirectory bureaus;

    AwardAccess(BureauDirectory bureaus) {
        this.bureaus = bureaus;
    }

    public Scope scope(Caller caller) {
        if (caller.seesEverything()) {
            return new Scope(true, null);
        }
        Optional<Bureau> bureau = Optional.ofNullable(caller.bureauCode()).flatMap(bureaus::find);
        if (bureau.map(Bureau::seesAllAwards).orElse(false)) {
            return new Scope(true, null);
        }
        return new Scope(false, bureau.filter(b -> "county".equals(b.awardScope())).map(Bureau::countyCode).orElse(null));
    }

    public boolean canSee(Caller caller, AwardApplication app) {
        Scope scope = scope(caller);
        return scope.all() || (scope.countyCode() != null && scope.countyCode().equals(app.countyCode()));
    }
}
