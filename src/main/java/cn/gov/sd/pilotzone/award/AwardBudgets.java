package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import cn.gov.sd.pilotzone.common.ConfigFiles.InvalidConfigException;
import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.common.Money;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The annual budgets (专项资金预算) of {@code config/award-budgets.yml}: per policy and budget year, the most that
 * may be committed and paid. Checked at start-up: known policies, valid amounts, one entry per policy and year.
 */
@Component
class AwardBudgets {

    static final String FILE = "award-budgets.yml";

    /** One policy's budget for one year. */
    public record Budget(String policyCode, int year, BigDecimal amount) {
    }

    record File(List<Budget> budgets) {
    }

    private final Map<String, BigDecimal> byPolicyAndYear = new HashMap<>();

    @Autowired
    AwardBudgets(ConfigFiles files, AwardCatalog catalog) {
        Path path = files.dir().resolve(FILE);
        List<Budget> budgets = Files.exists(path) ? files.read(FILE, File.class).budgets() : null;
        load(budgets == null ? List.of() : budgets, code -> catalog.find(code).isPresent(), path);
    }

    /** Budgets given directly (tests, and the property that drives the rules with budgets of its own). */
    AwardBudgets(List<Budget> budgets) {
        load(budgets, code -> true, Path.of(FILE));
    }

    private void load(List<Budget> budgets, Predicate<String> knownPolicy, Path path) {
        for (Budget b : budgets) {
            if (b.policyCode() == null || !knownPolicy.test(b.policyCode())) {
                throw new InvalidConfigException(path, 0, "budget for unknown policy " + b.policyCode());
            }
            if (b.year() < 2000 || b.year() > 2100 || Money.problem(b.amount(), Money.Sign.NON_NEGATIVE).isPresent()) {
                throw new InvalidConfigException(path, 0, b.policyCode() + ": year 2000–2100 and an amount in yuan "
                        + "(at most 2 decimals, below " + Money.LIMIT + ") are required");
            }
            if (byPolicyAndYear.putIfAbsent(key(b.policyCode(), b.year()), b.amount()) != null) {
                throw new InvalidConfigException(path, 0, "two budgets for " + b.policyCode() + " " + b.year());
            }
        }
    }

    /** The policy's budget for the year; empty = no budget limit configured. */
    public Optional<BigDecimal> of(String policyCode, int year) {
        return Optional.ofNullable(byPolicyAndYear.get(key(policyCode, year)));
    }

    private static String key(String policyCode, int year) {
        return policyCode + "/" + year;
    }
}
