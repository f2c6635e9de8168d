package cn.gov.sd.pilotzone.common;

import java.util.List;

/**
 * One thing wrong with an input: the field (JSON path or CSV column), a message code from the bundles, its
 * arguments, and the line of the file (0 when the input is not a file). Rendered in Chinese and English by
 * {@link Messages}.
 */
public record Problem(String field, String code, List<Object> args, int line) {

    public Problem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Problem of(String field, String code, Object... args) {
        return new Problem(field, code, List.of(args), 0);
    }

    public Problem atLine(int line) {
        return new Problem(field, code, args, line);
    }
}
