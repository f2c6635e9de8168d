package cn.gov.sd.pilotzone.monitoring;

/**
 * The (month, USCC) keys of a file's good rows so far, each with its line: a second row for a key is a duplicate.
 * A statistics file holds 100,000 keys and they are kept for the whole file, so they are held as two {@code long}s
 * each in open-addressed arrays, not as a map of strings and boxed lines: the map's 400,000 objects outlived the
 * young collections, were copied into the old generation and brought a full collection about every file
 * (README "Performance", seventh round).
 * <p>
 * A key is packed exactly, with no hashing away: a USCC is 18 of the characters 0–9 and A–Z (checked before it is
 * added), read as two numbers of 9 base-36 digits (36^9 &lt; 2^47); the month number (year × 12 + month, below
 * 25,300 until 2100) goes above the first of them, which keeps it below 2^62.
 */
final class RowKeys {

    private static final long HALF = 101_559_956_668_416L; // 36^9
    private static final int FREE = 0;

    private long[] high = new long[1 << 10];
    private long[] low = new long[1 << 10];
    /** The key's line; {@link #FREE} marks a free slot (a file's lines start at 1). */
    private int[] lines = new int[1 << 10];
    private int size;

    /**
     * Adds the key with its line unless it is there already.
     *
     * @param uscc 18 characters 0–9, A–Z (a valid USCC)
     * @return the line of the earlier row with this key, or 0 when the key is new
     */
    int putIfAbsent(int monthNo, String uscc, int line) {
        if (line <= FREE || uscc.length() != 18) {
            throw new IllegalArgumentException("line " + line + ", USCC " + uscc);
        }
        long h = monthNo * HALF + base36(uscc, 0);
        long l = base36(uscc, 9);
        int slot = slot(h, l);
        if (lines[slot] != FREE) {
            return lines[slot];
        }
        high[slot] = h;
        low[slot] = l;
        lines[slot] = line;
        if (++size * 2 > lines.length) {
            grow();
        }
        return FREE;
    }

    int size() {
        return size;
    }

    /** The key's slot, or the free slot where it goes. */
    private int slot(long h, long l) {
        int mask = lines.length - 1;
        int slot = mix(h * 31 + l) & mask;
        while (lines[slot] != FREE && (high[slot] != h || low[slot] != l)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldLines = lines;
        high = new long[oldLines.length * 2];
        low = new long[oldLines.length * 2];
        lines = new int[oldLines.length * 2];
        for (int i = 0; i < oldLines.length; i++) {
            if (oldLines[i] != FREE) {
                int slot = slot(oldHigh[i], oldLow[i]);
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    private static int mix(long key) {
        long x = key * 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 32));
    }

    private static long base36(String uscc, int from) {
        long value = 0;
        for (int i = from; i < from + 9; i++) {
            char c = uscc.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("not a USCC: " + uscc);
            }
            value = value * 36 + digit;
        }
        return value;
    }
}
