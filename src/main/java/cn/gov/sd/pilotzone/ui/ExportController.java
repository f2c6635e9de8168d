package cn.gov.sd.pilotzone.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import cn.gov.sd.pilotzone.award.AwardApplication;
import cn.gov.sd.pilotzone.award.AwardApplications;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.dashboard.LedgerReport;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.TaskFilter;
import cn.gov.sd.pilotzone.task.TaskSearch;
import cn.gov.sd.pilotzone.task.TaskView;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.DATE;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.INTEGER;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.MONEY;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.TEXT;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.TIME;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.WAN;

/**
 * Excel exports (Apache POI) of the lists clerks work from: the task list with the page's filters, the award
 * ledger, the overdue list. Each is scoped like its page; headers are in the page's language.
 */
@Controller
class ExportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);

    private final TaskSearch search;
    private final LedgerReport ledger;
    private final Cases cases;
    private final UiFormat fmt;
    private final Messages messages;

    ExportController(TaskSearch search, LedgerReport ledger, Cases cases, UiFormat fmt, Messages messages) {
        this.search = search;
        this.ledger = ledger;
        this.cases = cases;
        this.fmt = fmt;
        this.messages = messages;
    }

    /** A task row with its application, if it is an award case. */
    record TaskRow(TaskView task, AwardApplication app) {
    }

    @GetMapping("/export/tasks.xlsx")
    ResponseEntity<byte[]> tasks(Caller caller, Locale locale, @RequestParam(required = false) String process,
                                 @RequestParam(required = false) String policy,
                                 @RequestParam(required = false) String county,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate dueBy, @RequestParam(defaultValue = "false") boolean overdue,
                                 @RequestParam(defaultValue = "ALL") TaskFilter.Assignment assignment,
                                 @RequestParam(defaultValue = "CREATED") TaskFilter.Sort sort,
                                 @RequestParam(defaultValue = "desc") String dir) {
        TaskFilter filter = new TaskFilter(process, policy, county, dueBy, overdue, assignment, sort,
                "asc".equalsIgnoreCase(dir));
        List<TaskRow> rows = rows(search.open(caller, filter, 0, TaskSearch.MAX_ROWS));
        return xlsx(messages.get("ui.export.tasks", locale), taskColumns(locale, false), rows);
    }

    @GetMapping("/export/overdue.xlsx")
    ResponseEntity<byte[]> overdue(Caller caller, Locale locale) {
        List<TaskRow> rows = rows(search.overdue(caller));
        return xlsx(messages.get("ui.export.overdue", locale), taskColumns(locale, true), rows);
    }

    @GetMapping("/export/ledger.xlsx")
    ResponseEntity<byte[]> ledger(Caller caller, Locale locale) {
        List<ExcelSheet.Column<LedgerReport.Row>> cols = List.of(
                col(locale, "applicationId", TEXT, LedgerReport.Row::applicationId),
                col(locale, "uscc", TEXT, LedgerReport.Row::uscc),
                col(locale, "enterprise", TEXT, LedgerReport.Row::enterpriseName),
                col(locale, "county", TEXT, r -> fmt.county(r.countyCode())),
                col(locale, "policyCode", TEXT, LedgerReport.Row::policyCode),
                col(locale, "policy", TEXT, r -> fmt.policy(r.policyCode())),
                col(locale, "eventYear", INTEGER, LedgerReport.Row::eventYear),
                col(locale, "channel", TEXT, r -> fmt.status(r.channel())),
                col(locale, "applicationStatus", TEXT, r -> fmt.status(r.applicationStatus())),
                col(locale, "ledgerStatus", TEXT, r -> fmt.status("LEDGER_" + r.ledgerStatus())),
                col(locale, "proposedAmount", MONEY, LedgerReport.Row::proposedAmount),
                col(locale, "approvedAmount", MONEY, LedgerReport.Row::approvedAmount),
                col(locale, "paidAmount", MONEY, LedgerReport.Row::paidAmount),
                col(locale, "paidAmountWan", WAN, r -> wan(r.paidAmount())),
                col(locale, "paymentId", TEXT, LedgerReport.Row::paymentId),
                col(locale, "paidOn", DATE, LedgerReport.Row::paidOn),
                col(locale, "updatedAt", TIME, LedgerReport.Row::updatedAt));
        return xlsx(messages.get("ui.export.ledger", locale), cols, ledger.rows(caller, 100_000));
    }

    private List<ExcelSheet.Column<TaskRow>> taskColumns(Locale locale, boolean overdueList) {
        List<ExcelSheet.Column<TaskRow>> cols = new ArrayList<>(List.of(
                col(locale, "task", TEXT, r -> r.task().name()),
                col(locale, "process", TEXT, r -> fmt.process(r.task().processDefinitionKey(), null)),
                col(locale, "businessKey", TEXT, r -> r.task().businessKey()),
                col(locale, "enterprise", TEXT, r -> r.app() == null ? null : r.app().enterpriseName()),
                col(locale, "uscc", TEXT, r -> r.app() == null ? null : r.app().uscc()),
                col(locale, "county", TEXT, r -> r.app() == null ? null : fmt.county(r.app().countyCode())),
                col(locale, "policy", TEXT, r -> r.app() == null ? null : fmt.policy(r.app().policyCode())),
                col(locale, "amount", MONEY, r -> r.app() == null ? null : r.app().amount()),
                col(locale, "amountWan", WAN, r -> r.app() == null ? null : wan(r.app().amount())),
                col(locale, "bureau", TEXT, r -> String.join("、",
                        r.task().candidateGroups().stream().map(fmt::bureau).toList())),
                col(locale, "assignee", TEXT, r -> r.task().assignee()),
                col(locale, "created", TIME, r -> r.task().created()),
                col(locale, "due", TIME, r -> r.task().due())));
        cols.add(col(locale, "overdueDays", INTEGER, r -> overdueList || fmt.overdue(r.task().due())
                ? fmt.overdueDays(r.task().due()) : null));
        return cols;
    }

    private List<TaskRow> rows(List<TaskView> tasks) {
        Map<String, AwardApplication> apps = new HashMap<>();
        List<TaskRow> rows = new ArrayList<>(tasks.size());
        for (TaskView t : tasks) {
            AwardApplication app = null;
            if (AwardApplications.PROCESS.equals(t.processDefinitionKey()) && t.businessKey() != null) {
                app = apps.computeIfAbsent(t.businessKey(), k -> cases.applicationUnscoped(k).orElse(null));
            }
            rows.add(new TaskRow(t, app));
        }
        return rows;
    }

    private <T> ExcelSheet.Column<T> col(Locale locale, String key, ExcelSheet.Kind kind,
                                         Function<T, Object> value) {
        return new ExcelSheet.Column<>(messages.get("ui.col." + key, locale), kind, value);
    }

    private <T> ResponseEntity<byte[]> xlsx(String title, List<ExcelSheet.Column<T>> columns, List<T> rows) {
        byte[] body = ExcelSheet.write(title, columns, rows, fmt.zone());
        String name = title + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(fmt.today()) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static BigDecimal wan(BigDecimal yuan) {
        return yuan == null ? null : yuan.divide(TEN_THOUSAND, 4, RoundingMode.HALF_UP);
    }
}
