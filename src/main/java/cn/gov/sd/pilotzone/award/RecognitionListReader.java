package cn.gov.sd.pilotzone.award;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.TableReader;
import cn.gov.sd.pilotzone.exchange.TableReader.Column;
import cn.gov.sd.pilotzone.exchange.TableReader.Row;
import cn.gov.sd.pilotzone.registry.Uscc;

import org.springframework.stereotype.Component;

/**
 * Reads a recognition list (认定名单, feed {@code recognition-lists}) and checks what needs no database: the USCC,
 * the policy code, that the policy can be awarded from a list alone (no inputs such as an investment amount),
 * the recognition date inside the policy's window, and no enterprise, policy and year twice in one file. Each bad
 * row becomes a problem with its line; the good rows are returned for the feed to start.
 */
@Component
class RecognitionListReader {

    static final List<Column> COLUMNS = List.of(
            Column.code("uscc", "统一社会信用代码", true),
            new Column("enterprise_name", "企业名称", true),
            new Column("policy_code", "政策代码", true),
            new Column("recognized_on", "认定日期", true));

    /** The id column of award_application and the portal's id pattern allow 64 characters. */
    static final int MAX_ID = 64;

    /** A good row: one award without application (免申即享) to start. */
    public record Recognition(int line, String uscc, String enterpriseName, String policyCode, LocalDate recognizedOn) {

        /** Deterministic, so a re-sent list finds the application it started and never starts a second one. */
        public String applicationId() {
            return applicationId(uscc, policyCode, recognizedOn.getYear());
        }

        public static String applicationId(String uscc, String policyCode, int year) {
            return "AUTO-" + uscc + "-" + policyCode + "-" + year;
        }
    }

    /** The good rows, the problems of the bad ones (with line numbers), and how many data rows the file had. */
    public record Parsed(List<Recognition> rows, List<Problem> problems, int total) {
    }

    private final AwardCatalog catalog;

    RecognitionListReader(AwardCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param charset null to detect (UTF-8 or GB18030); XLSX is recognised by its content */
    public Parsed read(String fileName, byte[] content, Charset charset) {
        List<Row> table = TableReader.read(fileName, content, charset, COLUMNS);
        List<Recognition> good = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : table) {
            String uscc = row.text("uscc", true);
            if (uscc != null) {
                Uscc.problem(uscc).ifPresent(code -> row.problem("uscc", code));
            }
            String name = row.text("enterprise_name", true);
            String policyCode = row.text("policy_code", true);
            LocalDate recognizedOn = row.date("recognized_on", true);
            Optional<AwardPolicy> policy = Optional.ofNullable(policyCode).flatMap(catalog::find);
            if (policyCode != null && policy.isEmpty()) {
                row.problem("policy_code", "policyCode.unknown", policyCode);
            }
            if (policy.isPresent() && !policy.get().inputs().isEmpty()) {
                row.problem("policy_code", "recognition.needsInputs", policyCode,
                        String.join(", ", policy.get().inputs().stream().map(AwardPolicy.Input::name).toList()));
            }
            if (policy.isPresent() && recognizedOn != null && !policy.get().validOn(recognizedOn)) {
                row.problem("recognized_on", "recognition.outsideWindow", recognizedOn, policy.get().validFrom(),
                        policy.get().validTo());
            }
            if (row.valid()) {
                Recognition r = new Recognition(row.line(), uscc, name, policyCode, recognizedOn);
                if (r.applicationId().length() > MAX_ID) {
                    row.problem("policy_code", "recognition.idTooLong", policyCode);
                } else {
                    Integer earlier = seen.putIfAbsent(r.applicationId(), row.line());
                    if (earlier != null) {
                        row.problem("policy_code", "recognition.duplicateRow", earlier);
                    } else {
                        good.add(r);
                    }
                }
            }
            problems.addAll(row.problems());
        }
        return new Parsed(good, problems, table.size());
    }
}
