package cn.gov.sd.pilotzone.security;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What an administrator may do through Flowable's REST servlets ({@code /process-api}, {@code /external-job-api}):
 * one deny-by-default allow-list of method and path, for reading and for operating the engine (jobs, dead letters,
 * timers; suspending and activating definitions and instances). Everything else, every write the hub API owns
 * (tasks, process instances, variables, identity) and every deployment, is refused with a 403 and its reason; see
 * docs/security.md. SecurityConfig has already admitted only administrators. Each call, allowed or refused, is an
 * audit entry.
 * <p>
 * Some of Flowable's operating endpoints do more than their name says (the PUT that suspends a process instance also
 * renames it or changes its business key); their entries name the actions and fields allowed in the JSON body.
 */
class FlowableRestGate extends OncePerRequestFilter {

    /** The servlets' prefixes: every path below them passes this gate. */
    static final List<String> PREFIXES = List.of("/process-api/", "/external-job-api/");

    private static final int MAX_BODY = 4096;
    private static final PathPatternParser PARSER = new PathPatternParser();

    /** An allowed call; with {@code actions}, the body's {@code action} is one of them and its fields are known. */
    record Allowed(String method, PathPattern path, Set<String> actions, Set<String> fields) {

        static Allowed any(String method, String path) {
            return new Allowed(method, PARSER.parse(path), null, null);
        }

        static Allowed action(String method, String path, Set<String> actions, String... otherFields) {
            return new Allowed(method, PARSER.parse(path), actions, Set.of(otherFields));
        }

        boolean matches(String requestMethod, PathContainer requestPath) {
            return method.equals(requestMethod) && path.matches(requestPath);
        }
    }

    static final List<Allowed> ALLOWED = List.of(
            // reading
            Allowed.any("GET", "/process-api/**"),
            Allowed.any("GET", "/external-job-api/**"),
            Allowed.any("POST", "/process-api/query/**"), // Flowable's query endpoints take their filter as a body
            // operating the engine: jobs
            Allowed.action("POST", "/process-api/management/jobs/{jobId}", Set.of("execute")),
            Allowed.any("DELETE", "/process-api/management/jobs/{jobId}"),
            Allowed.action("POST", "/process-api/management/deadletter-jobs/{jobId}", Set.of("move")),
            Allowed.any("DELETE", "/process-api/management/deadletter-jobs/{jobId}"),
            Allowed.action("POST", "/process-api/management/timer-jobs/{jobId}", Set.of("move")),
            Allowed.any("DELETE", "/process-api/management/timer-jobs/{jobId}"),
            // suspension (not the category, name or business key the same PUTs also change)
            Allowed.action("PUT", "/process-api/repository/process-definitions/{processDefinitionId}",
                    Set.of("suspend", "activate"), "includeProcessInstances", "date"),
            Allowed.action("PUT", "/process-api/runtime/process-instances/{processInstanceId}",
                    Set.of("suspend", "activate")));

    private final ObjectMapper json;
    private final AuditTrail audit;

    FlowableRestGate(ObjectMapper json, AuditTrail audit) {
        this.json = json;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return PREFIXES.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        String path = path(request);
        String target = method + " " + path;
        Allowed allowed = ALLOWED.stream().filter(a -> a.matches(method, PathContainer.parsePath(path)))
                .findFirst().orElse(null);
        if (allowed == null) {
            refuse(response, target, refusal(method, path));
            return;
        }
        HttpServletRequest passed = request;
        if (allowed.actions() != null) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            String problem = bodyProblem(body, allowed);
            if (problem != null) {
                refuse(response, target, problem);
                return;
            }
            passed = new ReplayedBody(request, body);
        }
        try {
            chain.doFilter(passed, response);
        } finally {
            audit.record(AuditType.PROCESS_API, target, "status " + response.getStatus());
        }
    }

    private static String refusal(String method, String path) {
        if (path.contains("/deployments") || path.contains("/models")) {
            return "deployments are refused: the hub's processes come only from its bpmn/ folder (docs/security.md)";
        }
        return method + " is not allowed here: Flowable's REST API is for reading and operating the engine (jobs,"
                + " dead letters, timers, suspension); tasks, process instances, variables and identity change only"
                + " through the hub API (/api) (docs/security.md)";
    }

    private String bodyProblem(byte[] body, Allowed allowed) {
        if (body.length > MAX_BODY) {
            return "request body too long";
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            return "the body must be a JSON object with an action " + allowed.actions();
        }
        if (node == null || !node.isObject() || !allowed.actions().contains(node.path("action").asText())) {
            return "only the action " + allowed.actions() + " is allowed here";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String field = it.next().getKey();
            if (!"action".equals(field) && !allowed.fields().contains(field)) {
                return "field " + field + " is not allowed here: only the action " + allowed.actions();
            }
        }
        return null;
    }

    private void refuse(HttpServletResponse response, String target, String reason) throws IOException {
        audit.record(AuditType.PROCESS_API_REFUSED, target, reason);
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Map.of("status", 403, "error", "Forbidden", "message", reason));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The request with the body this gate has read, for the servlet to read again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
