package cn.gov.sd.pilotzone.audit;

import java.time.Instant;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of the audit trail's JSON, downloads and page, bound once from the request parameters of the same
 * names ({@code actor}, {@code type}, {@code target}, {@code from}, {@code to}; times ISO-8601). A value that does
 * not convert is a 400 naming its parameter, one given twice too (web.SingleValuedParameters), on every handler.
 */
record AuditFilter(String actor, AuditType type, String target,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {

    AuditQuery query(int limit) {
        return new AuditQuery(actor, type, target, from, to, limit);
    }
}
