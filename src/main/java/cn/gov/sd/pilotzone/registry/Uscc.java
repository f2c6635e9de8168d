package cn.gov.sd.pilotzone.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * Unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from a 31-character set,
 * positions 3–8 the administrative division, positions 9–17 the organisation code with its own GB 11714 check
 * character, position 18 the check character over the first 17.
 */
public final class Uscc {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /**
     * Each ASCII character's value in {@link #CHARSET}, -1 for the others: looked up rather than searched for, as a
     * statistics file checks 100,000 codes.
     */
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            VALUES[CHARSET.charAt(i)] = i;
        }
    }

    private Uscc() {
    }

    /** Empty when valid, otherwise the message code of the first problem found. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("uscc.missing");
        }
        if (code.length() != 18) {
            return Optional.of("uscc.length");
        }
        for (int i = 0; i < 18; i++) {
            if (value(code.charAt(i)) < 0) {
                return Optional.of("uscc.character");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("uscc.division");
            }
        }
        if (orgCheck(code, 8) != code.charAt(16)) {
            return Optional.of("uscc.orgCheck");
        }
        if (check(code) != code.charAt(17)) {
            return Optional.of("uscc.check");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The 18th character for the first 17. */
    public static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** The GB 11714 check character of an 8-character organisation code body. */
    public static char orgCheck(String body) {
        return orgCheck(body, 0);
    }

    /** The same for the 8 characters of {@code text} from {@code from}. */
    private static char orgCheck(String text, int from) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = text.charAt(from + i);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    private static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }
}
