package cn.gov.sd.pilotzone.award;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.ui.ExcelSheet;
import cn.gov.sd.pilotzone.ui.PageController;
import cn.gov.sd.pilotzone.ui.UiFormat;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;

import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.DATE;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.INTEGER;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.MONEY;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.TEXT;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.TIME;
import static cn.gov.sd.pilotzone.ui.ExcelSheet.Kind.WAN;

/** The award ledger as an Excel workbook, scoped like the ledger report; headers in the caller's language. */
@PageController
class LedgerExport {

    /** More rows than any year's ledger has: the export is the whole scoped ledger, not a page of it. */
    private static final int MAX_ROWS = 100_000;

    private final LedgerReport ledger;
    private final UiFormat fmt;
    private final Messages messages;
    private final PolicyNames policyNames;

    LedgerExport(LedgerReport ledger, UiFormat fmt, Messages messages, PolicyNames policyNames) {
        this.policyNames = policyNames;
        this.ledger = ledger;
        this.fmt = fmt;
        this.messages = messages;
    }

    @GetMapping("/export/ledger.xlsx")
    ResponseEntity<byte[]> ledger(Caller caller, Locale locale) {
        List<ExcelSheet.Column<LedgerReport.Row>> cols = List.of(
                col(locale, "applicationId", TEXT, LedgerReport.Row::applicationId),
                col(locale, "uscc", TEXT, LedgerReport.Row::uscc),
                col(locale, "enterprise", TEXT, LedgerReport.Row::enterpriseName),
                col(locale, "county", TEXT, r -> fmt.county(r.countyCode())),
                col(locale, "policyCode", TEXT, LedgerReport.Row::policyCode),
                col(locale, "policy", TEXT, r -> policyNames.name(r.policyCode())),
                col(locale, "eventYear", INTEGER, LedgerReport.Row::eventYear),
                col(locale, "channel", TEXT, r -> fmt.status(r.channel())),
                col(locale, "applicationStatus", TEXT, r -> fmt.status(r.applicationStatus())),
                col(locale, "ledgerStatus", TEXT, r -> fmt.status("LEDGER_" + r.ledgerStatus())),
                col(locale, "proposedAmount", MONEY, LedgerReport.Row::proposedAmount),
                col(locale, "approvedAmount", MONEY, LedgerReport.Row::approvedAmount),
                col(locale, "paidAmount", MONEY, LedgerReport.Row::paidAmount),
                col(locale, "paidAmountWan", WAN, r -> ExcelSheet.wan(r.paidAmount())),
                col(locale, "paymentId", TEXT, LedgerReport.Row::paymentId),
                col(locale, "paidOn", DATE, LedgerReport.Row::paidOn),
                col(locale, "updatedAt", TIME, LedgerReport.Row::updatedAt));
        return ExcelSheet.download(messages.get("ui.export.ledger", locale), cols, ledger.rows(caller, MAX_ROWS), fmt);
    }

    private <T> ExcelSheet.Column<T> col(Locale locale, String key, ExcelSheet.Kind kind, Function<T, Object> value) {
        return ExcelSheet.column(messages, locale, key, kind, value);
    }
}
