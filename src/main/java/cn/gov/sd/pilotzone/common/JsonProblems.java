package cn.gov.sd.pilotzone.common;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * The JSON failures that get a reason of their own wherever JSON enters (inbound files, API bodies): a duplicated
 * key, which Jackson's strict duplicate detection reports only as a message, and a number beyond the parser's
 * length limit. A document with a key twice is refused: which of the two values counts would be the parser's
 * choice, and a sender's two amounts must not be settled silently (docs/money-rules.md).
 */
public final class JsonProblems {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'");

    private JsonProblems() {
    }

    /** The specific problem behind a parse failure, if it is one of those above. */
    public static Optional<Problem> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException c) {
                return Optional.of(Problem.of(null, "json.tooDeep", c.getOriginalMessage()));
            }
            if (t instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
                // a value's own rule refused it while it was read (an amount as text: JsonLimits)
                return Optional.of(invalid.problems().get(0));
            }
            if (t instanceof JsonParseException p && p.getOriginalMessage() != null) {
                Matcher m = DUPLICATE.matcher(p.getOriginalMessage());
                if (m.find()) {
                    return Optional.of(Problem.of(m.group(1), "json.duplicateKey", m.group(1)));
                }
            }
        }
        return Optional.empty();
    }
}
