package cn.gov.sd.pilotzone.registry;

/**
 * An enterprise of the registry (一企一档). {@code muClass} is the 亩产效益 class A–D, when known; {@code clusterCode}
 * the advanced-manufacturing cluster it belongs to (config/province/clusters.yml), when known.
 */
public record Enterprise(String uscc, String name, String countyCode, String industry, Boolean aboveScale,
                         String bankName, String accountName, String accountNo, String muClass, String clusterCode) {

    public Enterprise(String uscc, String name, String countyCode, String industry, Boolean aboveScale,
                      String bankName, String accountName, String accountNo, String muClass) {
        this(uscc, name, countyCode, industry, aboveScale, bankName, accountName, accountNo, muClass, null);
    }
}
