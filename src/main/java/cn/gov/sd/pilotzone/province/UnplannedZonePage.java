package cn.gov.sd.pilotzone.province;

import java.util.List;
import java.util.Optional;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.zone.UnplannedZonePages;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A zone without a plan shows the province page's row for it: the same rows, so the same rule for who sees it. */
@Component
class UnplannedZonePage implements UnplannedZonePages {

    private final ProvinceOverview province;

    UnplannedZonePage(ProvinceOverview province) {
        this.province = province;
    }

    @Override
    public Optional<String> page(Caller caller, String zoneId, Model model) {
        return province.zones(caller).stream().filter(z -> z.zone().id().equals(zoneId)).findFirst().map(row -> {
            model.addAttribute("z", row);
            model.addAttribute("zones", List.of(row));
            return "zone-unplanned";
        });
    }
}
