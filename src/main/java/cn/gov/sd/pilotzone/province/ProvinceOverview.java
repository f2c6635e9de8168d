package cn.gov.sd.pilotzone.province;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.province.DesignationStore.Designation;
import cn.gov.sd.pilotzone.province.Indicators.IndicatorView;
import cn.gov.sd.pilotzone.province.Indicators.Status;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.zone.ZonePlans;
import cn.gov.sd.pilotzone.zone.ZoneViews;
import cn.gov.sd.pilotzone.zone.ZoneViews.ZoneSummary;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The province's comparison of its zones (docs/province.md): for each zone the caller sees, its designation, its
 * lifecycle phase and overdue tasks where it has a plan, and how many of its targets are met, on track, behind or
 * without data; the clusters with their cities and the registry's enterprises in each.
 */
@Component
public class ProvinceOverview {

    public record ZoneRow(ProvinceZone zone, String designation, String batch, String phase, int overdueTasks,
                          int met, int onTrack, int behind, int noData, List<IndicatorView> indicators) {

        /** Behind on some target or late with some task: what the province looks at first. */
        public boolean needsAttention() {
            return behind > 0 || overdueTasks > 0;
        }
    }

    public record ClusterRow(Cluster cluster, long enterprises) {
    }

    private final ProvinceConfig config;
    private final ProvinceAccess access;
    private final DesignationStore designations;
    private final Indicators indicators;
    private final ZonePlans plans;
    private final ZoneViews zoneViews;
    private final JdbcTemplate jdbc;

    public ProvinceOverview(ProvinceConfig config, ProvinceAccess access, DesignationStore designations,
                            Indicators indicators, ZonePlans plans, ZoneViews zoneViews, JdbcTemplate jdbc) {
        this.config = config;
        this.access = access;
        this.designations = designations;
        this.indicators = indicators;
        this.plans = plans;
        this.zoneViews = zoneViews;
        this.jdbc = jdbc;
    }

    public List<ZoneRow> zones(Caller caller) {
        List<ZoneRow> rows = new ArrayList<>();
        for (ProvinceZone z : config.zones()) {
            if (!access.seesZone(caller, z.id())) {
                continue;
            }
            Designation d = designations.find(z.id()).orElse(null);
            ZoneSummary lifecycle = plans.find(z.id()).map(p -> zoneViews.summary(p, t -> true)).orElse(null);
            List<IndicatorView> list = indicators.of(z.id());
            Map<Status, Long> counts = list.stream().collect(Collectors.groupingBy(IndicatorView::status,
                    Collectors.counting()));
            rows.add(new ZoneRow(z, d == null ? null : d.status().name(), d == null ? null : d.batch(),
                    lifecycle == null || lifecycle.phase() == null ? null : lifecycle.phaseName(),
                    lifecycle == null ? 0 : lifecycle.overdue(),
                    count(counts, Status.MET), count(counts, Status.ON_TRACK), count(counts, Status.BEHIND),
                    count(counts, Status.NO_DATA), list));
        }
        return rows;
    }

    public List<ClusterRow> clusters() {
        Map<String, Long> counts = jdbc.query("SELECT cluster_code, COUNT(*) FROM enterprise "
                        + "WHERE cluster_code IS NOT NULL GROUP BY cluster_code",
                (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return config.clusters().stream().map(c -> new ClusterRow(c, counts.getOrDefault(c.code(), 0L))).toList();
    }

    private static int count(Map<Status, Long> counts, Status s) {
        return counts.getOrDefault(s, 0L).intValue();
    }

}
