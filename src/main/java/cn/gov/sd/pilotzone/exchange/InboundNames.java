package cn.gov.sd.pilotzone.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.gov.sd.pilotzone.common.Problem;

/**
 * The names of inbound files. Another system chooses them, so the hub trusts none: a name with path components
 * ({@code ..\..\evil.json}, {@code C:\x}), control or invisible formatting characters (a newline that forges a line
 * of the error report, a right-to-left override U+202E that makes {@code evil<RLO>txt.exe} read as
 * {@code evilexe.txt}) or of more than {@link #MAX_LENGTH} characters or {@link #MAX_BYTES} bytes is rejected with a
 * reason. Spaces, Chinese and a leading dash are fine: clerks name files that way, and the stored copy starts with a
 * time stamp anyway.
 * <p>
 * The copy in {@code archive/} or {@code error/} is named {@code <UTC time stamp>_<name>}
 * ({@link ExchangeLayout#storedName}); for a rejected name the
 * offending characters are replaced by {@code _} and the name is shortened, so that the stored copy and its
 * {@code .error.txt} can always be written (a file system allows 255 bytes per name, a Chinese character takes 3).
 */
public final class InboundNames {

    /** Characters a name may have; the report names the file, and people read it. */
    public static final int MAX_LENGTH = 150;

    /**
     * Bytes a name may have in UTF-8 (a Chinese character takes 3): 255 per name in a file system, less the read
     * lock's {@code .camelLock} marker and room for the stored copy's time stamp.
     */
    public static final int MAX_BYTES = 200;

    /** Bytes of the name kept in a stored name: 255 less the time stamp and {@code .error.txt}. */
    static final int MAX_STORED_BYTES = 200;

    /** Every inbox poll asks for every file: compiled once. */
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:");

    private InboundNames() {
    }

    /** Why the hub refuses this name, if it does. */
    public static Optional<Problem> problem(String name) {
        if (name.contains("/") || name.contains("\\") || name.equals("..") || name.startsWith("../")
                || DRIVE.matcher(name).lookingAt()) {
            return Optional.of(Problem.of(null, "file.namePath"));
        }
        int at = firstBadCharacter(name);
        if (at >= 0) {
            return Optional.of(Problem.of(null, "file.nameCharacter", "U+%04X".formatted(name.codePointAt(at))));
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(Problem.of(null, "file.nameTooLong", MAX_LENGTH, MAX_BYTES));
        }
        return Optional.empty();
    }

    static String safe(String name) {
        StringBuilder s = new StringBuilder();
        name.codePoints().forEach(c -> s.appendCodePoint(c == '/' || c == '\\' || bad(c) ? '_' : c));
        String result = s.toString();
        if (result.getBytes(StandardCharsets.UTF_8).length <= MAX_STORED_BYTES) {
            return result;
        }
        // keep the end, where the extension is, and whole characters only
        StringBuilder tail = new StringBuilder();
        int bytes = 0;
        for (int i = result.length(); i > 0; ) {
            int c = result.codePointBefore(i);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_STORED_BYTES - 1) {
                break;
            }
            tail.insert(0, Character.toChars(c));
            bytes += size;
            i -= Character.charCount(c);
        }
        return "~" + tail;
    }

    /** The name as a report line shows it: control and formatting characters as U+XXXX, so none forges a line. */
    public static String printable(String name) {
        StringBuilder s = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (bad(c)) {
                s.append("U+%04X".formatted(c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }

    private static int firstBadCharacter(String name) {
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            if (bad(name.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Control characters, and invisible formatting ones (bidi overrides, zero-width spaces, BOM). */
    private static boolean bad(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }
}
