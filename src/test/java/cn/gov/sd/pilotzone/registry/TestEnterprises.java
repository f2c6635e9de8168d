package cn.gov.sd.pilotzone.registry;

/**
 * Registry entries for tests that share one application context: each test makes its own enterprises (with
 * {@link TestUscc}) instead of relying on a clean database.
 */
public final class TestEnterprises {

    private TestEnterprises() {
    }

    public static String uscc(String countyCode) {
        return TestUscc.next(countyCode);
    }

    public static Enterprise enterprise(String uscc, String name, String countyCode, String muClass, boolean bank) {
        return new Enterprise(uscc, name, countyCode, "高端装备", true, bank ? "中国工商银行潍坊分行" : null,
                bank ? name : null, bank ? "1607" + uscc.substring(10, 17).replaceAll("[^0-9]", "1") : null, muClass);
    }
}
