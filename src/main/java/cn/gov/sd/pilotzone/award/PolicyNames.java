package cn.gov.sd.pilotzone.award;

import java.util.Collection;

import cn.gov.sd.pilotzone.common.Messages;

import org.springframework.stereotype.Component;

/** Award policies as pages name them ({@code ${@policyNames.name(code)}}), in the page's language. */
@Component("policyNames")
public class PolicyNames {

    private final AwardCatalog catalog;

    PolicyNames(AwardCatalog catalog) {
        this.catalog = catalog;
    }

    /** The policy's name, the code itself for an unknown policy, empty for none. */
    public String name(String code) {
        if (code == null) {
            return "";
        }
        return catalog.find(code).map(this::of).orElse(code);
    }

    public String of(AwardPolicy p) {
        return Messages.localized(p.name(), p.nameEn());
    }

    /** Every policy of the catalog, for the pages' filters. */
    public Collection<AwardPolicy> all() {
        return catalog.all();
    }
}
