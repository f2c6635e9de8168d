package cn.gov.sd.pilotzone.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit trail for administrators (SecurityConfig admits no one else): {@code GET /api/audit} (JSON),
 * {@code /api/audit.csv} and {@code /api/audit.xlsx} with the same filters ({@link AuditFilter}), and the page
 * {@code /audit}.
 * Each download is itself an {@link AuditType#EXPORT} entry.
 */
@Controller
class AuditController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private static final List<String> HEADERS =
            List.of("id", "occurred_at_utc", "actor", "client_ip", "event_type", "target", "details");
    private static final List<Function<AuditEntry, Object>> VALUES = List.of(AuditEntry::id, AuditEntry::at,
            AuditEntry::actor, AuditEntry::clientIp, AuditEntry::type, AuditEntry::target, AuditEntry::details);

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    @ResponseBody
    List<AuditEntry> search(@ModelAttribute AuditFilter filter, @RequestParam(defaultValue = "500") int limit) {
        return trail.search(filter.query(limit));
    }

    @GetMapping("/api/audit.csv")
    ResponseEntity<byte[]> csv(@ModelAttribute AuditFilter filter) {
        List<AuditEntry> rows = trail.search(filter.query(AuditQuery.MAX_ROWS));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(HEADERS.toArray(String[]::new)).get())) {
            for (AuditEntry e : rows) {
                for (Function<AuditEntry, Object> value : VALUES) {
                    csv.print(inert(value.apply(e)));
                }
                csv.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // With a BOM, so that Excel opens the Chinese text as UTF-8
        byte[] body = ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
        return download(body, CSV, "audit.csv");
    }

    @GetMapping("/api/audit.xlsx")
    ResponseEntity<byte[]> xlsx(@ModelAttribute AuditFilter filter) {
        List<AuditEntry> rows = trail.search(filter.query(AuditQuery.MAX_ROWS));
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("audit");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            int r = 1;
            for (AuditEntry e : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < VALUES.size(); c++) {
                    Object v = VALUES.get(c).apply(e);
                    // Text cells only: an attacker's "=cmd|…" as a tried user name stays text, never a formula
                    row.createCell(c).setCellValue(v == null ? "" : v.toString());
                }
            }
            book.write(out);
            book.dispose();
            return download(out.toByteArray(), XLSX, "audit.xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/audit")
    String page(@ModelAttribute("filter") AuditFilter filter, Model model) {
        model.addAttribute("entries", trail.search(filter.query(500)));
        model.addAttribute("types", AuditType.values());
        return "audit";
    }

    /**
     * Audit rows hold what attackers typed (a tried user name, a refused path): a CSV cell that a spreadsheet would
     * run as a formula gets a leading apostrophe, the usual neutralisation, since here the text must be kept.
     */
    static String inert(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }
}
