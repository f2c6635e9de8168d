package cn.gov.sd.pilotzone.registry;

/**
 * A bureau (委办局, county industry bureau, supervision team): a candidate group in the processes and the scope
 * of its clerks. {@code awardScope} says which award applications its clerks see: {@code all}, {@code county}
 * (only its own county's) or {@code none}.
 */
public record Bureau(String code, String type, String name, String fullName, String nameEn, String countyCode,
                     String awardScope) {

    public Bureau {
        awardScope = awardScope == null ? "none" : awardScope;
    }

    public boolean seesAllAwards() {
        return "all".equals(awardScope);
    }
}
