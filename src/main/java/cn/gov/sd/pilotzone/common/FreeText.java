package cn.gov.sd.pilotzone.common;

import java.util.List;
import java.util.Map;

/**
 * The formula rule for every free text the hub takes, from files, the hub API and the page forms alike (README "Bad
 * input", docs/security.md): text that a spreadsheet would run as a formula ({@code =cmd|' /C calc'!A0},
 * {@code @SUM(..)}, {@code +A1}, {@code -2+3}) is refused rather than neutralised, because the hub passes names,
 * comments and reports on to the finance bureau's CSV and to Excel exports, and a silently altered value would be
 * wrong there. Negative numbers and phone numbers ({@code +86 …}) are not formulas.
 */
public final class FreeText {

    private FreeText() {
    }

    public static boolean formula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (c == '=' || c == '@' || c == '\t' || c == '\r') {
            return true;
        }
        return (c == '+' || c == '-') && text.length() > 1 && !text.substring(1).strip().matches("[\\d\\s.,()\\-]+");
    }

    /** Adds {@code field.formula} for {@code field} when its text is formula-like. */
    public static void check(String field, String text, List<Problem> problems) {
        if (formula(text)) {
            problems.add(Problem.of(field, "field.formula"));
        }
    }

    /** The same for every text of a form's fields, nested ones included ({@code fields.experts[0].name}). */
    public static void checkAll(String field, Object value, List<Problem> problems) {
        if (value instanceof String s) {
            check(field, s, problems);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> checkAll(field + "." + k, v, problems));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkAll(field + "[" + i + "]", list.get(i), problems);
            }
        }
    }
}
