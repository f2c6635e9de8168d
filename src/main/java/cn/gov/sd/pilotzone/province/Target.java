package cn.gov.sd.pilotzone.province;

import java.math.BigDecimal;
import java.util.List;

/**
 * A dated target of a zone or of the province (config/province/targets.yml, docs/indicators.md): a number with its
 * comparator, unit and year, or a target the seed states in words only ({@link Comparator#TEXT}). {@code derive}
 * says how the hub computes the actual from its own data; without it the actual comes from the indicators feed.
 */
public record Target(String code, String name, Comparator comparator, BigDecimal value, String text, String unit,
                     Integer year, boolean perYear, Baseline baseline, Derivation derive, String clause,
                     String quote) {

    /** 左右 (ABOUT), 以上 or a bare 达到 (AT_LEAST), a ceiling or rank (AT_MOST), words only (TEXT). */
    public enum Comparator {
        ABOUT, AT_LEAST, AT_MOST, TEXT;

        public boolean numeric() {
            return this != TEXT;
        }
    }

    /** The start of the ON_TRACK line (docs/indicators.md). */
    public record Baseline(Integer year, BigDecimal value) {
    }

    /** Where the hub's own data gives the actual: the registry or the award ledger. */
    public enum Source { FEED, REGISTRY, LEDGER }

    /** What the registry counts. */
    public enum RegistryCount { ABOVE_SCALE }

    /**
     * @param policies LEDGER: award policy codes counted
     * @param since    LEDGER: count cumulatively from this event year; null counts each year on its own
     * @param count    REGISTRY: what to count
     */
    public record Derivation(Source from, List<String> policies, Integer since, RegistryCount count) {
        public Derivation {
            policies = policies == null ? List.of() : List.copyOf(policies);
        }
    }

    public Source source() {
        return derive == null ? Source.FEED : derive.from();
    }
}
