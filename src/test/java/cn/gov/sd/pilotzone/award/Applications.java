package cn.gov.sd.pilotzone.award;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.gov.sd.pilotzone.registry.TestUscc;

/**
 * Award applications as the enterprise portal files them (docs/exchange.md), for tests. Ids are unique per run so tests
 * can share one application context; each application defaults to a demo enterprise of 奎文区 (370705).
 */
public final class Applications {

    public static final String KUIWEN_USCC = "91370705MAAY4CL12X";
    public static final String SHOUGUANG_USCC = "91370783MA2TH3BJ36";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    private Applications() {
    }

    public static String newId() {
        return "T-" + RUN + "-" + SEQ.incrementAndGet();
    }

    public static Map<String, Object> application(String applicationId, String policyCode) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("applicationId", applicationId);
        a.put("uscc", KUIWEN_USCC);
        a.put("enterpriseName", "潍坊奎文智能装备有限公司");
        a.put("countyCode", "370705");
        a.put("policyCode", policyCode);
        a.put("eventDate", "2024-11-20");
        a.put("amounts", new LinkedHashMap<>());
        a.put("contact", Map.of("name", "王经理", "phone", "0536-8888888"));
        a.put("bankAccount", Map.of("bankName", "中国工商银行潍坊奎文支行", "accountName", "潍坊奎文智能装备有限公司",
                "accountNo", "1607001109200012345"));
        a.put("attachments", List.of(Map.of("name", "认定文件.pdf",
                "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
        return a;
    }

    /** A new application of a new enterprise of 奎文区, so the one-award-per-year rule links no two tests. */
    public static Map<String, Object> fresh(String policyCode) {
        Map<String, Object> a = application(newId(), policyCode);
        a.put("uscc", TestUscc.next("370705"));
        return a;
    }
}
