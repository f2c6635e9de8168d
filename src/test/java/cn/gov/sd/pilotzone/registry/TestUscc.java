package cn.gov.sd.pilotzone.registry;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh valid unified social credit codes for test enterprises, so tests never share an award ledger row. The six
 * free characters count up from a random start: random draws repeated themselves once in about ten runs of a test
 * that needs 12,000 codes (a birthday collision among 31^6), and a repeated enterprise is a rejected row.
 */
public final class TestUscc {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int FREE = 6;
    private static final long CODES = pow(CHARSET.length(), FREE);
    // a random start, so that codes differ from a previous run's in a database that outlives it (the MariaDB suite)
    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(CODES));

    private TestUscc() {
    }

    public static String next(String countyCode) {
        while (true) {
            long n = Math.floorMod(NEXT.getAndIncrement(), CODES);
            char[] free = new char[FREE];
            for (int i = FREE - 1; i >= 0; i--) {
                free[i] = CHARSET.charAt((int) (n % CHARSET.length()));
                n /= CHARSET.length();
            }
            String body = "MA" + new String(free);
            char org = Uscc.orgCheck(body);
            String first17 = "91" + countyCode + body + org;
            if (CHARSET.indexOf(org) >= 0) {
                return first17 + Uscc.check(first17);
            }
        }
    }

    private static long pow(int base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
