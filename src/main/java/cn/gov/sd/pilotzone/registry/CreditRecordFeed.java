package cn.gov.sd.pilotzone.registry;

import java.time.LocalDate;
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
import cn.gov.sd.pilotzone.registry.CreditRecords.CreditRecord;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Inbound feed {@code credit-records} from 市市场监管局: upserts the dishonesty list, all rows or none. */
@Component
class CreditRecordFeed implements FeedHandler {

    static final List<Column> COLUMNS = List.of(
            Column.code("uscc", "统一社会信用代码", true),
            new Column("enterprise_name", "企业名称", true),
            new Column("record_type", "失信类型", true),
            new Column("listed_on", "列入日期", true),
            new Column("removed_on", "移出日期", false));

    private final CreditRecords records;
    private final FeedCharsets charsets;

    CreditRecordFeed(CreditRecords records, FeedCharsets charsets) {
        this.records = records;
        this.charsets = charsets;
    }

    @Override
    public String feed() {
        return "credit-records";
    }

    @Override
    @Transactional
    public FeedResult accept(String fileName, byte[] content) {
        List<CreditRecord> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : TableReader.read(fileName, content, charsets.of(feed()), COLUMNS)) {
            String uscc = row.text("uscc", true);
            if (uscc != null) {
                Uscc.problem(uscc).ifPresent(code -> row.problem("uscc", code));
            }
            LocalDate listed = row.date("listed_on", true);
            LocalDate removed = row.date("removed_on", false);
            if (listed != null && removed != null && removed.isBefore(listed)) {
                row.problem("removed_on", "date.beforeListed", removed, listed);
            }
            String type = row.text("record_type", true);
            if (uscc != null && type != null && listed != null) {
                row.unique(seen, uscc + "|" + type + "|" + listed, "listed_on"); // the table's key
            }
            CreditRecord r = new CreditRecord(uscc, row.text("enterprise_name", true), type, listed, removed);
            if (row.valid()) {
                rows.add(r);
            }
            problems.addAll(row.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        records.upsert(rows);
        return FeedResult.all(rows.size());
    }
}
