package cn.gov.sd.pilotzone.registry;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.gov.sd.pilotzone.common.Messages;

import org.springframework.stereotype.Component;

/** Bureaus as pages name them ({@code ${@bureauNames.name(code)}}), in the page's language. */
@Component("bureauNames")
public class BureauNames {

    private final BureauDirectory bureaus;

    BureauNames(BureauDirectory bureaus) {
        this.bureaus = bureaus;
    }

    /** The bureau's name, the code itself for an unknown bureau, empty for none. */
    public String name(String code) {
        if (code == null) {
            return "";
        }
        return bureaus.find(code).map(this::of).orElse(code);
    }

    public String of(Bureau b) {
        return Messages.localized(b.name(), b.nameEn());
    }

    /** Every bureau's name by code (for scripts that get codes from the API). */
    public Map<String, String> all() {
        Map<String, String> names = new LinkedHashMap<>();
        bureaus.all().forEach(b -> names.put(b.code(), of(b)));
        return names;
    }
}
