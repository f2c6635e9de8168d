package cn.gov.sd.pilotzone.common;

import java.util.Optional;

/**
 * The one rule for a request value taken as one (an amount, a decision, an account number; docs/money-rules.md):
 * given more than once it is refused with a problem naming it ({@code field.repeated}), never joined with a comma
 * (a form's amount {@code 1000} + {@code 000} became 1,000,000) nor half taken. Which values are taken as one is
 * known in two places, so two callers ask this one rule: {@code web.SingleValuedParameters} reads it from the
 * handler's signature and refuses before the handler runs; the task page reads it from the task's form definition,
 * which no signature holds, and shows the problem at its field among the form's other problems.
 */
public final class SingleValues {

    public static final String REPEATED = "field.repeated";

    private SingleValues() {
    }

    /** The problem of {@code name} when it was given {@code count} times and takes one value. */
    public static Optional<Problem> check(String name, int count) {
        return count > 1 ? Optional.of(Problem.of(name, REPEATED)) : Optional.empty();
    }

    /** As {@link #check(String, int)} for the values a request holds under {@code name} (null: none). */
    public static Optional<Problem> check(String name, String[] values) {
        return check(name, values == null ? 0 : values.length);
    }
}
