package cn.gov.sd.pilotzone.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.FeedCharsets;
import cn.gov.sd.pilotzone.exchange.FeedHandler;
import cn.gov.sd.pilotzone.exchange.TableReader;
import cn.gov.sd.pilotzone.exchange.TableReader.Column;
import cn.gov.sd.pilotzone.exchange.TableReader.Row;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Inbound feed {@code enterprises}: upserts the registry; one bad row rejects the whole file, nothing applied. */
@Component
class EnterpriseFeed implements FeedHandler {

    static final List<Column> COLUMNS = List.of(
            Column.code("uscc", "统一社会信用代码", true),
            new Column("enterprise_name", "企业名称", true),
            new Column("county_code", "区县代码", true),
            new Column("industry", "行业", false),
            new Column("above_scale", "规上", false),
            new Column("bank_name", "开户行", false),
            new Column("account_name", "户名", false),
            Column.code("account_no", "账号", false),
            new Column("mu_class", "亩产效益等级", false),
            new Column("cluster_code", "集群代码", false));

    private final EnterpriseRegistry registry;
    private final BureauDirectory bureaus;
    private final FeedCharsets charsets;
    private final ClusterCodes clusters;

    EnterpriseFeed(EnterpriseRegistry registry, BureauDirectory bureaus, FeedCharsets charsets,
                          ClusterCodes clusters) {
        this.registry = registry;
        this.bureaus = bureaus;
        this.charsets = charsets;
        this.clusters = clusters;
    }

    @Override
    public String feed() {
        return "enterprises";
    }

    @Override
    @Transactional
    public FeedResult accept(String fileName, byte[] content) {
        List<Enterprise> enterprises = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : TableReader.read(fileName, content, charsets.of(feed()), COLUMNS)) {
            String uscc = row.text("uscc", true);
            if (uscc != null) {
                Uscc.problem(uscc).ifPresent(code -> row.problem("uscc", code));
                row.unique(seen, uscc, "uscc");
            }
            String county = row.text("county_code", true);
            if (county != null && bureaus.county(county).isEmpty()) {
                row.problem("county_code", "countyCode.unknown", county);
            }
            String muText = row.text("mu_class", false);
            String muClass = MuClasses.normalize(muText).orElse(null);
            if (muText != null && muClass == null) {
                row.problem("mu_class", "muClass.format", muText);
            }
            String cluster = row.text("cluster_code", false);
            if (cluster != null && !clusters.exists(cluster)) {
                row.problem("cluster_code", "clusterCode.unknown", cluster);
            }
            Enterprise e = new Enterprise(uscc, row.text("enterprise_name", true), county, row.text("industry", false),
                    row.flag("above_scale", false), row.text("bank_name", false), row.text("account_name", false),
                    row.text("account_no", false), muClass, cluster);
            if (row.valid()) {
                enterprises.add(e);
            }
            problems.addAll(row.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        registry.upsert(enterprises);
        return FeedResult.all(enterprises.size());
    }
}
