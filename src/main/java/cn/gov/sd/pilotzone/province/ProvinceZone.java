package cn.gov.sd.pilotzone.province;

import java.util.List;

/**
 * A pilot/demo zone of seed 003 二、(二) (config/province/zones.yml): its city, the city's 工信局 that applies and
 * reports, theme and goals, and the batch it is listed in when the hub starts without a designation for it.
 */
public record ProvinceZone(String id, String name, String nameEn, String city, String cityCode, String bureau,
                           String clause, String quote, String theme, List<String> goals, String batch) {

    public ProvinceZone {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }
}
