package cn.gov.sd.pilotzone.registry;

/**
 * The cluster codes an enterprise may carry ({@code cluster_code} of the enterprises feed). The province's
 * configuration answers it; the registry asks through this so that it needs nothing of the province.
 */
public interface ClusterCodes {

    boolean exists(String code);
}
