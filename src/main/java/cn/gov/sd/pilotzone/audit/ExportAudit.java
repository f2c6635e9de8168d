package cn.gov.sd.pilotzone.audit;

import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every Excel or CSV download of the hub is an {@link AuditType#EXPORT} entry: recognised by what the answer is, not
 * by a list of export endpoints, so a new export is recorded without anyone remembering to. Recorded (and committed:
 * the trail writes outside any transaction here) after the handler made the file and before a byte of it is sent,
 * so no reader has the file before its entry exists, and a failed send still leaves the entry; if the entry cannot
 * be written, the file is not sent.
 */
@ControllerAdvice
class ExportAudit implements ResponseBodyAdvice<Object> {

    private static final Set<String> SPREADSHEETS = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel",
            "text/csv");

    private final AuditTrail trail;

    ExportAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType type,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body != null && type != null && SPREADSHEETS.contains(type.getType() + "/" + type.getSubtype())
                && succeeded(response)) {
            String query = request.getURI().getRawQuery();
            trail.record(AuditType.EXPORT, request.getURI().getRawPath() + (query == null ? "" : "?" + query),
                    type.toString());
        }
        return body;
    }

    private static boolean succeeded(ServerHttpResponse response) {
        return !(response instanceof ServletServerHttpResponse servlet)
                || servlet.getServletResponse().getStatus() / 100 == 2;
    }
}
