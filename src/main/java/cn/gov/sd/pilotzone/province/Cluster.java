package cn.gov.sd.pilotzone.province;

import java.util.List;

/**
 * An advanced-manufacturing cluster of seed 003 二、(一) (config/province/clusters.yml). {@code level} is the
 * seed's 国家级 where it says so, else null.
 */
public record Cluster(String code, String name, String level, String clause, String quote, String promoter,
                      List<String> centreCities, List<String> supportingCities, List<String> leadEnterprises) {

    public Cluster {
        centreCities = centreCities == null ? List.of() : List.copyOf(centreCities);
        supportingCities = supportingCities == null ? List.of() : List.copyOf(supportingCities);
        leadEnterprises = leadEnterprises == null ? List.of() : List.copyOf(leadEnterprises);
    }
}
