package cn.gov.sd.pilotzone.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.registry.BureauNames;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.ui.ExcelSheet;
import cn.gov.sd.pilotzone.ui.PageController;
import cn.gov.sd.pilotzone.ui.UiFormat;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.INTEGER;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.WAN;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.MONEY;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.TEXT;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.TIME;

/**
 * Excel exports (Apache POI) of the task lists clerks work from: the task list with the page's filters and the
 * overdue list. Each is scoped like its page; headers are in the page's language.
 */
@PageController
class TaskExport {

    private final TaskSearch search;
    private final Cases cases;
    private final UiFormat fmt;
    private final Messages messages;
    private final BureauNames bureauNames;

    TaskExport(TaskSearch search, Cases cases, UiFormat fmt, Messages messages, BureauNames bureauNames) {
        this.bureauNames = bureauNames;
        this.search = search;
        this.cases = cases;
        this.fmt = fmt;
        this.messages = messages;
    }

    /** A task row with what its case's feature shows beside it (an award application's enterprise and amount). */
    record TaskRow(TaskView task, ProcessCases.CaseSummary app) {
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
        return ExcelSheet.download(messages.get("ui.export.tasks", locale), taskColumns(locale, false), rows, fmt);
    }

    @GetMapping("/export/overdue.xlsx")
    ResponseEntity<byte[]> overdue(Caller caller, Locale locale) {
        List<TaskRow> rows = rows(search.overdue(caller));
        return ExcelSheet.download(messages.get("ui.export.overdue", locale), taskColumns(locale, true), rows, fmt);
    }

    private List<ExcelSheet.Column<TaskRow>> taskColumns(Locale locale, boolean overdueList) {
        List<ExcelSheet.Column<TaskRow>> cols = new ArrayList<>(List.of(
                col(locale, "task", TEXT, r -> r.task().name()),
                col(locale, "process", TEXT, r -> fmt.process(r.task().processDefinitionKey(), null)),
                col(locale, "businessKey", TEXT, r -> r.task().businessKey()),
                col(locale, "enterprise", TEXT, r -> r.app() == null ? null : r.app().enterpriseName()),
                col(locale, "uscc", TEXT, r -> r.app() == null ? null : r.app().uscc()),
                col(locale, "county", TEXT, r -> r.app() == null ? null : fmt.county(r.app().countyCode())),
                col(locale, "policy", TEXT, r -> r.app() == null ? null : r.app().policyName()),
                col(locale, "amount", MONEY, r -> r.app() == null ? null : r.app().amount()),
                col(locale, "amountWan", WAN, r -> r.app() == null ? null : ExcelSheet.wan(r.app().amount())),
                col(locale, "bureau", TEXT, r -> String.join("、",
                        r.task().candidateGroups().stream().map(bureauNames::name).toList())),
                col(locale, "assignee", TEXT, r -> r.task().assignee()),
                col(locale, "created", TIME, r -> r.task().created()),
                col(locale, "due", TIME, r -> r.task().due())));
        cols.add(col(locale, "overdueDays", INTEGER, r -> overdueList || fmt.overdue(r.task().due())
                ? fmt.overdueDays(r.task().due()) : null));
        return cols;
    }

    private List<TaskRow> rows(List<TaskView> tasks) {
        Map<String, ProcessCases.CaseSummary> summaries = cases.summaries(
                tasks.stream().map(TaskView::processDefinitionKey).toList(),
                tasks.stream().map(TaskView::businessKey).toList());
        return tasks.stream().map(t -> new TaskRow(t, t.businessKey() == null ? null
                : summaries.get(t.businessKey()))).toList();
    }

    private <T> ExcelSheet.Column<T> col(Locale locale, String key, ExcelSheet.Kind kind, Function<T, Object> value) {
        return ExcelSheet.column(messages, locale, key, kind, value);
    }
}
