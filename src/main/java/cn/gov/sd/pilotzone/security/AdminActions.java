package cn.gov.sd.pilotzone.security;

import java.io.IOException;

import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every state-changing request of an administrator through the hub (POST, PUT, PATCH, DELETE) is an
 * {@link AuditType#ADMIN_ACTION} entry with its answer's status, whatever endpoint it reaches: a new administrators'
 * action is recorded without anyone remembering to. Flowable's REST API has its own entries ({@link FlowableRestGate}).
 * Registered in the security filter chain only (SecurityConfig), hence no servlet filter of its own.
 */
class AdminActions extends OncePerRequestFilter {

    private final AuditTrail audit;

    AdminActions(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || FlowableRestGate.PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getAuthorities().stream()
                    .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()))) {
                String query = request.getQueryString();
                String target = request.getMethod() + " " + request.getRequestURI()
                        + (query == null ? "" : "?" + query);
                audit.record(auth.getName(), AuditType.ADMIN_ACTION, target, "status " + response.getStatus());
            }
        }
    }
}
