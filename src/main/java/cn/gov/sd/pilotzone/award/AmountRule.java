package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * How a catalog entry computes the proposed amount (docs/processes.md step 2). {@code FIXED}: the amount.
 * {@code UP_TO}: the cap, reviewers may lower it. {@code PERCENTAGE}: rate × the input {@code base}, at most
 * the cap. {@code DISCRETIONARY}: none, a reviewer must set it, at most the cap that configuration gives as the
 * policy's ceiling (the clause names no amount; docs/money-rules.md).
 */
record AmountRule(Type type, BigDecimal amount, BigDecimal rate, String base, BigDecimal cap) {

    public enum Type { FIXED, UP_TO, PERCENTAGE, DISCRETIONARY }

    /** Empty for discretionary rules. */
    public Optional<BigDecimal> propose(Map<String, Object> inputs) {
        return switch (type) {
            case FIXED -> Optional.of(yuan(amount));
            case UP_TO -> Optional.of(yuan(cap));
            case PERCENTAGE -> {
                // the automated checks refuse an application without its base input before anything proposes
                if (!(inputs.get(base) instanceof BigDecimal baseValue)) {
                    throw new IllegalArgumentException("a PERCENTAGE rule needs the money input " + base);
                }
                yield Optional.of(yuan(baseValue.multiply(rate).min(cap)));
            }
            case DISCRETIONARY -> Optional.empty();
        };
    }

    /** The most a reviewer may approve: the fixed amount, the cap, the computed percentage, or the ceiling. */
    public Optional<BigDecimal> maximum(Map<String, Object> inputs) {
        return type == Type.DISCRETIONARY ? Optional.ofNullable(cap).map(AmountRule::yuan) : propose(inputs);
    }

    static BigDecimal yuan(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
