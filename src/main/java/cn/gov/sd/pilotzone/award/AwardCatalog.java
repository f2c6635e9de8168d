package cn.gov.sd.pilotzone.award;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.common.ConfigFiles.InvalidConfigException;

import org.springframework.stereotype.Component;

/** The award catalog of {@code config/award-policies.yml}, checked for consistency at start-up. */
@Component
public class AwardCatalog {

    static final String FILE = "award-policies.yml";

    private final Map<String, AwardPolicy> byCode = new LinkedHashMap<>();

    record File(List<AwardPolicy> policies) {
    }

    public AwardCatalog(ConfigFiles files) {
        Path path = files.dir().resolve(FILE);
        for (AwardPolicy p : files.read(FILE, File.class).policies()) {
            check(path, p);
            if (byCode.putIfAbsent(p.code(), p) != null) {
                throw new InvalidConfigException(path, 0, "duplicate policy code " + p.code());
            }
        }
    }

    private static void check(Path path, AwardPolicy p) {
        AmountRule r = p.rule();
        String problem = null;
        if (p.code() == null || p.validFrom() == null || p.validTo() == null || r == null || r.type() == null) {
            problem = "code, validFrom, validTo and rule.type are required";
        } else if (p.clause() == null || p.clause().isBlank()) {
            problem = "every policy cites its clause";
        } else if (r.type() == AmountRule.Type.FIXED && r.amount() == null) {
            problem = "a FIXED rule needs amount";
        } else if ((r.type() == AmountRule.Type.UP_TO || r.type() == AmountRule.Type.DISCRETIONARY) && r.cap() == null) {
            problem = "an UP_TO rule needs cap, a DISCRETIONARY rule its ceiling as cap";
        } else if (r.type() == AmountRule.Type.PERCENTAGE && (r.rate() == null || r.cap() == null
                || p.inputs().stream().noneMatch(i -> i.name().equals(r.base())))) {
            problem = "a PERCENTAGE rule needs rate, cap and its base among the inputs";
        }
        if (problem != null) {
            throw new InvalidConfigException(path, 0, (p.code() == null ? "policy" : p.code()) + ": " + problem);
        }
    }

    public Optional<AwardPolicy> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Collection<AwardPolicy> all() {
        return byCode.values();
    }
}
