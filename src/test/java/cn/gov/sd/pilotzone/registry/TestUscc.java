package cn.gov.sd.pilotzone.registry;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid unified social credit codes for test enterprises, so tests never share an award ledger row. */
public final class TestUscc {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestUscc() {
    }

    public static String next(String countyCode) {
        while (true) {
            StringBuilder body = new StringBuilder("MA");
            for (int i = 0; i < 6; i++) {
                body.append(CHARSET.charAt(ThreadLocalRandom.current().nextInt(CHARSET.length())));
            }
            char org = Uscc.orgCheck(body.toString());
            String first17 = "91" + countyCode + body + org;
            if (CHARSET.indexOf(org) >= 0) {
                return first17 + Uscc.check(first17);
            }
        }
    }
}
