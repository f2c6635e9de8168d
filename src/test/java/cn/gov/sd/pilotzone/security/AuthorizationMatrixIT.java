package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.award.Applications;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader.OperationRecord;
import cn.gov.sd.pilotzone.monitoring.OperationDataReader;
import cn.gov.sd.pilotzone.monitoring.TestOperationData;
import cn.gov.sd.pilotzone.zone.Timeline;
import cn.gov.sd.pilotzone.zone.ZoneDocuments;
import cn.gov.sd.pilotzone.zone.ZoneLifecycles;
import cn.gov.sd.pilotzone.zone.TestZones;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The authorization matrix ({@code security/authorization-matrix.txt}) against the running hub: every row called
 * as every caller, with real objects of county 370705, and the answer compared with the cell. Also: every endpoint
 * the hub has (controller and actuator mappings, servlets) is covered by a row, so a new endpoint without a row
 * fails the build.
 * <p>
 * Calls that would change something are made so that nothing changes (an empty form, a running lifecycle started
 * again) or on fresh objects (each re-process gets its own error file); the task's claim is reset before each call,
 * so neither the order of the rows nor of the callers matters.
 */
@SecurityIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    private static final String PASSWORD = "demo";
    private static final String ANONYMOUS = "anon";
    private static final String OWNER = "county-370705";
    private static final String ZONE = "weifang";
    private static final String OTHER_ZONE = "zibo";
    private static final String ERROR_FEED = "credit-records";
    private static final YearMonth PERIOD = YearMonth.of(2019, 3);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AuthorizationMatrix matrix = AuthorizationMatrix.load();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> objects = new HashMap<>();
    private final Map<String, MockHttpSession> sessions = new HashMap<>();
    private final Map<String, Authentication> principals = new HashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ApplicationContext context;

    @Autowired
    TaskService taskService;

    @Autowired
    HubUserDetailsService accounts;

    @Autowired
    ZoneLifecycles lifecycles;

    @Autowired
    TestZones zones;

    @Autowired
    ZoneDocuments documents;

    @Autowired
    TestOperationData operationData;

    @Autowired
    TransactionTemplate transactions;

    @Value("${hub.data-dir}")
    Path dataDir;

    @BeforeAll
    void makeTheObjects() throws Exception {
        // The lifecycle first: its tasks are then older than the application's, which a newest-first page shows
        if (zones.running(ZONE).isEmpty()) {
            lifecycles.start(ZONE, "admin", Timeline.Overrides.NONE);
        }
        if (zones.running(OTHER_ZONE).isPresent()) {
            lifecycles.cancel(OTHER_ZONE, "admin", "authorization matrix needs it idle");
        }
        String zonePi = zones.current(ZONE).orElseThrow().processInstanceId();
        String docName = "matrix-" + UUID.randomUUID() + ".txt";
        documents.attach(null, zonePi, "planDocument", "authorization matrix",
                List.of(new ZoneDocuments.Document(docName, null, "plan".getBytes(StandardCharsets.UTF_8),
                        "text/plain")));
        objects.put("zone", ZONE);
        objects.put("zone2", OTHER_ZONE);
        objects.put("planless", "jinan");
        objects.put("zoneTask", "3.3.1");
        objects.put("zonePi", zonePi);
        objects.put("doc", documents.ofProcess(zonePi).stream().filter(d -> d.name().equals(docName))
                .findFirst().orElseThrow().id());

        Map<String, Object> app = Applications.fresh("SINGLE_CHAMPION_NATIONAL");
        MockHttpServletResponse filed = mvc.perform(post("/api/award-applications").with(httpBasic("system", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(app))).andReturn().getResponse();
        assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(201);
        JsonNode submitted = json.readTree(filed.getContentAsByteArray());
        String pi = submitted.path("processInstanceId").asText();
        Task task = taskService.createTaskQuery().processInstanceId(pi).singleResult();
        assertThat(task).as("the application waits in county review").isNotNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .anyMatch(l -> OWNER.equals(l.getGroupId()));
        objects.put("app", submitted.path("applicationId").asText());
        objects.put("pi", pi);
        objects.put("task", task.getId());
        objects.put("file", taskService.createAttachment("text/plain", task.getId(), pi, "matrix.txt", null,
                new ByteArrayInputStream("evidence".getBytes(StandardCharsets.UTF_8))).getId());

        // A 370705 enterprise whose revenue halved against the same month a year earlier
        String uscc = Applications.KUIWEN_USCC;
        transactions.executeWithoutResult(s -> operationData.apply(List.of(
                new OperationRecord(1, uscc, PERIOD.minusYears(1), new BigDecimal("1000000"), null, null, null),
                new OperationRecord(2, uscc, PERIOD, new BigDecimal("500000"), null, null, null)),
                Set.of(OperationDataReader.REVENUE)));
        objects.put("period", PERIOD.toString());
        objects.put("fluct", uscc);
        objects.put("feed", ERROR_FEED);
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsWhatTheMatrixSays() {
        return matrix.rows().stream().map(row -> DynamicTest.dynamicTest(
                "line " + row.line() + ": " + row, () -> {
                    List<String> wrong = new ArrayList<>();
                    for (String caller : matrix.callers()) {
                        String expected = row.expected().get(caller);
                        Answer answer = call(row, caller);
                        String mark = row.mark() == null ? null : expand(row.mark());
                        if (!answer.is(expected, mark)) {
                            wrong.add(caller + ": expected " + expected + ", got " + answer);
                        }
                    }
                    assertThat(wrong).as(row.toString()).isEmpty();
                }));
    }

    /** Every controller and actuator mapping is reached by some row, and every row reaches a mapping. */
    @Test
    void everyEndpointOfTheHubHasARow() throws Exception {
        Map<String, RequestMappingInfoHandlerMapping> mappings =
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class);
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings.values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> endpoints.add(key(info)));
        }
        Set<String> covered = new LinkedHashSet<>();
        List<String> rowsReachingNothing = new ArrayList<>();
        for (AuthorizationMatrix.Row row : matrix.rows()) {
            if (row.flowableRest()) {
                continue; // another servlet: see flowableRestIsTheOnlyOtherServlet
            }
            String reached = reached(mappings.values(), row);
            if (reached == null) {
                rowsReachingNothing.add("line " + row.line() + ": " + row);
            } else {
                covered.add(reached);
            }
        }
        Set<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(covered);

        assertThat(missing).as("endpoints without a row in " + AuthorizationMatrix.RESOURCE).isEmpty();
        assertThat(rowsReachingNothing).as("rows of no endpoint").isEmpty();
        assertThat(endpoints).hasSizeGreaterThan(40);
    }

    /**
     * Besides the hub's DispatcherServlet, only Flowable's two REST servlets take requests; SecurityConfig guards each
     * prefix as a whole with one rule, which the matrix's rows of that prefix check (Flowable's own endpoints are
     * too many to list one by one). A new servlet needs rows and a rule.
     */
    @Test
    void flowableRestIsTheOnlyOtherServlet() {
        ServletContext servlets = ((WebApplicationContext) context).getServletContext();
        Set<String> paths = new TreeSet<>();
        for (ServletRegistration r : servlets.getServletRegistrations().values()) {
            paths.addAll(r.getMappings());
        }

        assertThat(paths).containsExactlyInAnyOrder("/", "/process-api/*", "/external-job-api/*");
        for (String servlet : List.of("/process-api/", "/external-job-api/")) {
            assertThat(matrix.rows()).as(servlet).filteredOn(r -> r.path().startsWith(servlet)).hasSizeGreaterThan(1);
        }
    }

    @Test
    void everyRoleAndAnotherBureausClerkIsAColumn() {
        assertThat(matrix.callers()).containsExactly(ANONYMOUS, "admin", "supervisor", "system", OWNER,
                "county-370783", "gxj", "czj");
    }

    // --- calling ---

    private Answer call(AuthorizationMatrix.Row row, String caller) throws Exception {
        resetTheTask(row);
        String path = expand(row.path());
        String body = row.body() == null ? null : expand(row.body());
        if (row.flowableRest()) {
            return overHttp(row, caller, path, body);
        }
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(row.method()), URI.create(path));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (row.api()) {
            request.accept(MediaType.APPLICATION_JSON, MediaType.ALL);
            if (!ANONYMOUS.equals(caller)) {
                // The test's principal lives in a session, which a Basic client has not: the token stands in for
                // the CSRF exemption of session-less Basic requests (CsrfIT tests that exemption itself).
                request.with(authentication(principal(caller))).with(csrf());
            }
        } else {
            request.accept(MediaType.TEXT_HTML, MediaType.ALL);
            if (!ANONYMOUS.equals(caller)) {
                request.session(session(caller));
            }
            if (!"GET".equals(row.method())) {
                request.with(csrf());
            }
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        return new Answer(r.getStatus(), r.getHeader(HttpHeaders.LOCATION), text(r.getContentType(),
                r.getContentAsByteArray()));
    }

    private Answer overHttp(AuthorizationMatrix.Row row, String caller, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        TestRestTemplate client = ANONYMOUS.equals(caller) ? rest : rest.withBasicAuth(caller, PASSWORD);
        ResponseEntity<byte[]> r = client.exchange(path, HttpMethod.valueOf(row.method()),
                new HttpEntity<>(body, headers), byte[].class);
        MediaType type = r.getHeaders().getContentType();
        return new Answer(r.getStatusCode().value(), r.getHeaders().getFirst(HttpHeaders.LOCATION),
                text(type == null ? null : type.toString(), r.getBody()));
    }

    /**
     * The caller as HTTP Basic would authenticate it (the real account, role and bureau), without a BCrypt check
     * per call: five hundred of those would take minutes on a shared machine.
     */
    private Authentication principal(String caller) {
        return principals.computeIfAbsent(caller, name -> {
            UserDetails details = accounts.loadUserByUsername(name);
            return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
        });
    }

    /** A form-login session per caller, made once: the way people use the pages. */
    private MockHttpSession session(String caller) throws Exception {
        MockHttpSession session = sessions.get(caller);
        if (session == null) {
            var login = mvc.perform(post("/login").param("username", caller).param("password", PASSWORD)
                    .with(csrf())).andReturn();
            assertThat(login.getResponse().getRedirectedUrl()).as("login of " + caller).isEqualTo("/");
            session = (MockHttpSession) login.getRequest().getSession(false);
            sessions.put(caller, session);
        }
        return session;
    }

    /** The task unclaimed before each call, or claimed by its clerk for the unclaim rows. */
    private void resetTheTask(AuthorizationMatrix.Row row) {
        String task = objects.get("task");
        taskService.unclaim(task);
        if (row.path().endsWith("/unclaim")) {
            taskService.claim(task, OWNER);
        }
    }

    private String expand(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = "errorFile".equals(name) ? freshErrorFile() : objects.get(name);
            if (value == null) {
                throw new IllegalStateException("no object {" + name + "} for " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A rejected file with its report, as the inbound routes leave one; each re-process call gets its own. */
    private String freshErrorFile() {
        String stored = "20250101-000000-000_matrix-" + UUID.randomUUID() + ".csv";
        try {
            Path dir = Files.createDirectories(dataDir.resolve("error").resolve(ERROR_FEED));
            Files.writeString(dir.resolve(stored), "not,a,credit,record\n");
            Files.writeString(dir.resolve(stored + ".error.txt"), "authorization matrix fixture\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stored;
    }

    /** The endpoint a row's call is dispatched to, as "METHODS patterns" of its mapping; null if none. */
    private String reached(Iterable<RequestMappingInfoHandlerMapping> mappings, AuthorizationMatrix.Row row)
            throws Exception {
        String path = expand(row.path());
        int query = path.indexOf('?');
        MockHttpServletRequest request = new MockHttpServletRequest(row.method(), query < 0 ? path
                : path.substring(0, query));
        if (query >= 0) {
            request.setQueryString(path.substring(query + 1));
        }
        request.addHeader(HttpHeaders.ACCEPT, row.api() ? "application/json, */*" : "text/html, */*");
        if (row.body() != null) {
            request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        }
        ServletRequestPathUtils.parseAndCache(request);
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            HandlerExecutionChain chain;
            try {
                chain = mapping.getHandler(request);
            } catch (Exception noMatch) {
                continue;
            }
            if (chain != null && chain.getHandler() instanceof HandlerMethod handler) {
                return mapping.getHandlerMethods().entrySet().stream()
                        .filter(e -> e.getValue().getMethod().equals(handler.getMethod())
                                && bean(e.getValue()) == bean(handler))
                        .map(e -> key(e.getKey())).findFirst().orElse(null);
            }
        }
        return null;
    }

    /** The handler's object: actuator endpoints share one method, on one handler object each. */
    private Object bean(HandlerMethod handler) {
        return handler.getBean() instanceof String name ? context.getBean(name) : handler.getBean();
    }

    private static String key(RequestMappingInfo info) {
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
        return (methods.isEmpty() ? "ANY" : String.join(",", methods)) + " " + info.getPatternValues();
    }

    /** The answer as text: Excel workbooks by their cells, so that a mark is found in them too. */
    private static String text(String contentType, byte[] body) {
        if (body == null) {
            return "";
        }
        if (contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(XLSX)) {
            StringBuilder cells = new StringBuilder();
            DataFormatter format = new DataFormatter();
            try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
                for (Sheet sheet : book) {
                    for (Row r : sheet) {
                        for (Cell c : r) {
                            cells.append(format.formatCellValue(c)).append('\t');
                        }
                        cells.append('\n');
                    }
                }
            } catch (IOException e) {
                return "unreadable workbook: " + e;
            }
            return cells.toString();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    record Answer(int status, String location, String body) {

        boolean is(String expected, String mark) {
            boolean success = status >= 200 && status < 300;
            boolean redirect = status >= 300 && status < 400 && location != null;
            boolean toLogin = redirect && (location.endsWith("/login") || location.contains("/login?"));
            return switch (expected) {
                case "ok" -> success && (mark == null || body.contains(mark));
                case "own" -> success && !body.contains(mark);
                case "go" -> redirect && !toLogin;
                case "bad" -> status == 400;
                case "busy" -> status == 409;
                case "open" -> status != 401 && status != 403 && !toLogin;
                case "deny" -> status == 403 || status == 404;
                case "401" -> status == 401;
                case "login" -> toLogin;
                default -> throw new IllegalArgumentException(expected);
            };
        }

        @Override
        public String toString() {
            String shown = body.length() > 160 ? body.substring(0, 160) + "…" : body;
            return status + (location == null ? "" : " → " + location) + " " + shown.replaceAll("\\s+", " ");
        }
    }
}
