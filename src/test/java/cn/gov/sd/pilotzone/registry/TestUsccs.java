package cn.gov.sd.pilotzone.registry;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh valid unified social credit codes for test data, so that tests sharing one application context never
 * collide in the award ledger (one award per enterprise, policy and event year).
 */
public final class TestUsccs {

    private TestUsccs() {
    }

    /** A valid USCC of an enterprise (91…) registered in {@code countyCode}, with a random organisation code. */
    public static String random(String countyCode) {
        StringBuilder body = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            body.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
        }
        String first17 = "91" + countyCode + body + Uscc.orgCheck(body.toString());
        String uscc = first17 + Uscc.check(first17);
        if (!Uscc.isValid(uscc)) {
            throw new IllegalStateException("generated an invalid USCC " + uscc);
        }
        return uscc;
    }
}
