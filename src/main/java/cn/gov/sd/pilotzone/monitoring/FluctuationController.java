package cn.gov.sd.pilotzone.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.registry.MuClasses;
import cn.gov.sd.pilotzone.security.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fluctuation list of a period (波动企业清单, seed 001 item 14) for the caller's scope, as JSON and as the Excel
 * workbook clerks work from. Priority enterprises (亩产效益 class A) come first, then by county and USCC.
 */
@RestController
@RequestMapping("/api/monitoring")
class FluctuationController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Fluctuations fluctuations;
    private final MonitoringAccess access;
    private final BureauDirectory bureaus;
    private final MuClasses muClasses;
    private final FluctuationWorkbook workbook;

    FluctuationController(Fluctuations fluctuations, MonitoringAccess access, BureauDirectory bureaus,
                          MuClasses muClasses, FluctuationWorkbook workbook) {
        this.fluctuations = fluctuations;
        this.access = access;
        this.bureaus = bureaus;
        this.muClasses = muClasses;
        this.workbook = workbook;
    }

    @GetMapping("/fluctuations")
    List<FluctuationView> list(Caller caller, @RequestParam(required = false) String period) {
        return views(caller, period(period));
    }

    @GetMapping("/fluctuations.xlsx")
    ResponseEntity<byte[]> export(Caller caller, @RequestParam(required = false) String period, Locale locale) {
        YearMonth month = period(period);
        byte[] xlsx = workbook.write(month, views(caller, month), locale);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("fluctuations-" + month + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }

    private List<FluctuationView> views(Caller caller, YearMonth period) {
        MonitoringAccess.Scope scope = access.scope(caller);
        return fluctuations.list(period, scope.countyCode()).stream().map(this::view)
                .sorted(Comparator.comparing((FluctuationView v) -> !v.priority())
                        .thenComparing(v -> v.countyCode() == null ? "~" : v.countyCode())
                        .thenComparing(FluctuationView::uscc))
                .toList();
    }

    private FluctuationView view(Fluctuation f) {
        String countyName = f.countyCode() == null ? null
                : bureaus.county(f.countyCode()).map(Bureau::name).orElse(null);
        return new FluctuationView(f.uscc(), f.enterpriseName(), f.countyCode(), countyName, f.muClass(),
                muClasses.priority(f.muClass()), f.period(), f.revenue(), f.revenueLastYear(), f.revenueChange(),
                f.electricityKwh(), f.electricityKwhLastYear(), f.electricityChange(), f.followUpStatus(),
                f.followUpProcessInstanceId());
    }

    static YearMonth period(String period) {
        if (period == null || period.isBlank()) {
            throw new InvalidInputException(Problem.of("period", "field.required"));
        }
        try {
            if (!period.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", period, 0);
            }
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Problem.of("period", "period.format", period));
        }
    }
}
