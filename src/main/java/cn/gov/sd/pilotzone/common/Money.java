package cn.gov.sd.pilotzone.common;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form every amount of money has wherever it enters the hub (file, API, page, feed): yuan in plain decimal
 * notation, at most 2 decimals, fewer than {@value #MAX_INTEGER_DIGITS} integer digits (below 10^12 yuan), with the
 * sign the caller allows. Checked on the text or on the BigDecimal's precision and scale BEFORE any arithmetic:
 * {@code 1e10000000} is a cheap object whose {@code setScale} or {@code toPlainString} costs the server seconds of
 * CPU, and {@code 1e20} overflowed the database column (docs/money-rules.md).
 */
public final class Money {

    public static final int MAX_INTEGER_DIGITS = 12;
    /** Longer text cannot be a valid amount (12 digits, 3 thousands separators, sign, point, 2 decimals, spaces). */
    private static final int MAX_TEXT = 24;
    /** The first amount that is too large, as messages show it. */
    public static final String LIMIT = "1,000,000,000,000";
    private static final Pattern EXPONENT = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");

    /** Which signs an amount may have: awards are positive; inputs may be zero; indicators (profit) any. */
    public enum Sign { POSITIVE, NON_NEGATIVE, ANY }

    private Money() {
    }

    /**
     * The amount a text stands for, or the problem with it named after
     * {@code field}: not plain decimal notation (an exponent, letters), too long, too large, too many decimals,
     * wrong sign.
     */
    public static BigDecimal parse(String field, String text, Sign sign) {
        if (text != null && text.strip().length() > MAX_TEXT) {
            throw new InvalidInputException(Problem.of(field, "money.tooLarge", LIMIT));
        }
        BigDecimal value = plain(field, text, "money.format");
        Optional<String> problem = problem(value, sign); // no capturing lambda: called for every figure of a file
        if (problem.isPresent()) {
            throw new InvalidInputException(Problem.of(field, problem.get(), LIMIT));
        }
        return value;
    }

    /**
     * A decimal in plain notation, the first half of {@link #parse} without the bounds of an amount, for figures that
     * are not money (an indicator's value): {@code formatCode} is the message for scientific notation, which says
     * what was expected. Text longer than any amount is refused before it is converted.
     */
    public static BigDecimal plain(String field, String text, String formatCode) {
        String s = text == null ? "" : text.strip();
        BigDecimal value = s.length() > MAX_TEXT ? null : plainDecimal(s);
        if (value == null) {
            // an exponent is a number but not a figure as people write one (and a spreadsheet's rounding of one)
            throw new InvalidInputException(Problem.of(field, EXPONENT.matcher(s).matches() ? formatCode
                    : "number.format", abbreviate(text)));
        }
        return value;
    }

    /**
     * The value of {@code [+-]?\d+(\.\d+)?} (ASCII digits), or null for any other text. Scanned by hand rather than
     * matched and then parsed again by {@code new BigDecimal(String)}: a statistics file has 400,000 figures, and the
     * regular expression and the parse were a fifth of reading it (JFR, README "Performance").
     */
    static BigDecimal plainDecimal(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        int digits = 0;
        int scale = -1; // digits after the point, once there is one
        long unscaled = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0'); // meaningful only while digits <= 18, see below
                digits++;
                scale += scale >= 0 ? 1 : 0;
            } else if (c == '.' && scale < 0 && digits > 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (digits == 0 || scale == 0) {
            return null; // no digits, or a point without digits after it
        }
        if (digits > 18) {
            return new BigDecimal(s); // more than a long holds: checked above, parsed the slow way
        }
        return BigDecimal.valueOf(s.charAt(0) == '-' ? -unscaled : unscaled, Math.max(scale, 0));
    }

    /**
     * What is wrong with an amount that arrived as a number (JSON, a spreadsheet cell), as a message code taking the
     * maximum as its argument; empty when it is a valid amount. Only precision and scale are read before the size is
     * known to be sane, so an exponent of any size costs nothing.
     */
    public static Optional<String> problem(BigDecimal value, Sign sign) {
        if (value == null) {
            return Optional.of("field.required");
        }
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return Optional.of("money.tooLarge");
        }
        if (value.scale() > 2) {
            return Optional.of("money.scale");
        }
        if (value.signum() < 0 && sign != Sign.ANY) {
            return Optional.of("money.negative");
        }
        if (value.signum() == 0 && sign == Sign.POSITIVE) {
            return Optional.of("money.positive");
        }
        return Optional.empty();
    }

    /** The amount itself when it is valid; throws naming {@code field} when it is not. */
    public static BigDecimal check(String field, BigDecimal value, Sign sign) {
        problem(value, sign).ifPresent(code -> {
            throw new InvalidInputException(Problem.of(field, code, LIMIT));
        });
        return value;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
