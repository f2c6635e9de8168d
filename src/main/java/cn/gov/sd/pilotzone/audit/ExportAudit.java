package cn.gov.sd.pilotzone.audit;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every Excel or CSV download of the hub is an {@link AuditType#EXPORT} entry: recognised by what the answer is, not
 * by a list of export endpoints, so a new export is recorded without anyone remembering to.
 */
@Configuration(proxyBeanMethods = false)
class ExportAudit implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> SPREADSHEETS = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel",
            "text/csv");

    private final AuditTrail trail;

    ExportAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        String type = response.getContentType();
        if (ex != null || type == null || response.getStatus() / 100 != 2) {
            return;
        }
        MediaType media;
        try {
            media = MediaType.parseMediaType(type);
        } catch (IllegalArgumentException notAType) {
            return;
        }
        if (SPREADSHEETS.contains(media.getType() + "/" + media.getSubtype())) {
            String query = request.getQueryString();
            trail.record(AuditType.EXPORT, request.getRequestURI() + (query == null ? "" : "?" + query), type);
        }
    }
}
