package cn.gov.sd.pilotzone.registry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.ConfigFiles;

import org.springframework.stereotype.Component;

/** The bureaus of {@code config/bureaus.yml}, by code. */
@Component
public class BureauDirectory {

    public static final String COUNTY_PREFIX = "county-";

    private final Map<String, Bureau> byCode = new LinkedHashMap<>();

    record File(List<Bureau> bureaus) {
    }

    public BureauDirectory(ConfigFiles files) {
        for (Bureau b : files.read("bureaus.yml", File.class).bureaus()) {
            if (byCode.putIfAbsent(b.code(), b) != null) {
                throw new ConfigFiles.InvalidConfigException(files.dir().resolve("bureaus.yml"), 0,
                        "duplicate bureau code " + b.code());
            }
        }
    }

    public Optional<Bureau> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Bureau get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown bureau " + code));
    }

    public boolean exists(String code) {
        return byCode.containsKey(code);
    }

    public Collection<Bureau> all() {
        return byCode.values();
    }

    public Optional<Bureau> county(String countyCode) {
        return find(countyGroup(countyCode));
    }

    public static String countyGroup(String countyCode) {
        return COUNTY_PREFIX + countyCode;
    }
}
