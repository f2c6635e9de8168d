package cn.gov.sd.pilotzone.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplicationForm;
import cn.gov.sd.pilotzone.award.AwardApplicationParser;
import cn.gov.sd.pilotzone.award.AwardApplications;
import cn.gov.sd.pilotzone.award.Payments;
import cn.gov.sd.pilotzone.exchange.ExchangeLayout;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's hands inside the hub's process: what the benchmark must do next to the engine rather than as a
 * user (the raw sides of the ratios, inputs made before a clock starts, counts to wait on, a year of history). The
 * benchmark starts the packaged hub with this class added ({@code --spring.main.sources}, its class file alone on
 * {@code loader.path}, so none of the test classes is scanned into the hub); it answers JSON commands on its own
 * port with the JDK's small HTTP server, outside the hub's web stack and security, bound to 127.0.0.1. Users'
 * work (files, the HTTP API) never goes through it. Timed commands time themselves here, in the hub's process,
 * so the raw sides pay no HTTP. Not a Spring stereotype: the hub's component scan must never find it.
 */
final class BenchAgent implements SmartInitializingSingleton, DisposableBean {

    static final String PORT_PROPERTY = "bench.agent.port";
    static final String MINIMAL_PROCESS = "benchMinimalTask";
    private static final String MINIMAL_RESOURCE = "bench/minimal-task.bpmn20.xml";
    private static final List<String> STEPS = List.of("countyReview", "cityReview", "financeReview");

    private final ApplicationContext context;
    private final int port;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final Map<String, Function<JsonNode, Object>> commands = new HashMap<>();
    private HttpServer server;

    BenchAgent(ApplicationContext context, Environment env) {
        this.context = context;
        this.port = env.getRequiredProperty(PORT_PROPERTY, Integer.class);
        commands.put("sql", this::sql);
        commands.put("enterprises", this::enterprises);
        commands.put("rawAwardStarts", this::rawAwardStarts);
        commands.put("intakeAtOnce", this::intakeAtOnce);
        commands.put("minimalStarts", this::minimalStarts);
        commands.put("startVariables", body -> bean(AwardApplications.class)
                .startVariables(forms(List.of(body.get("application"))).get(0), Channel.APPLY));
        commands.put("nextTask", this::nextTask);
        commands.put("rawComplete", this::rawComplete);
        commands.put("topUp", this::topUp);
        commands.put("forget", this::forget);
        commands.put("csvJdbc", this::csvJdbc);
        commands.put("finishTemplates", this::finishTemplates);
        commands.put("year", body -> new YearOfData(jdbc(), bean(DataSource.class)).clone(body));
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        } catch (IOException e) {
            throw new IllegalStateException("bench agent: port " + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(6));
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(1);
        int status = 200;
        byte[] out;
        try (InputStream in = exchange.getRequestBody()) {
            Function<JsonNode, Object> command = commands.get(name);
            if (command == null) {
                status = 404;
                out = ("no command " + name).getBytes(StandardCharsets.UTF_8);
            } else {
                out = json.writeValueAsBytes(command.apply(json.readTree(in)));
            }
        } catch (RuntimeException e) {
            status = 500;
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            out = trace.toString().getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(out);
        }
    }

    /**
     * The engine refuses every deployment but the hub's own ({@code engine.DeploymentGuard}, no API opens it); the
     * baseline is deployed the way the hub deploys bpmn/, through the guard's package-private permit, which only
     * code inside the hub's process can reach.
     */
    private void asTheHubDeploys(Runnable deployment) {
        try {
            Class<?> guardType = Class.forName("cn.gov.sd.pilotzone.engine.DeploymentGuard");
            Method permit = guardType.getDeclaredMethod("permit", Runnable.class);
            permit.setAccessible(true);
            permit.invoke(context.getBean(guardType), deployment);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot deploy the benchmark's baseline", e);
        }
    }

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    private TransactionTemplate tx() {
        return bean(TransactionTemplate.class);
    }

    /**
     * {"sql": "...", "args": [...]}: the rows of a SELECT (column names in lower case: H2 answers in upper case,
     * MariaDB as written), or the count of rows a statement changed.
     */
    private Object sql(JsonNode body) {
        String sql = body.get("sql").asText();
        Object[] args = body.has("args")
                ? json.convertValue(body.get("args"), new TypeReference<List<Object>>() { }).toArray() : new Object[0];
        if (sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)) {
            return jdbc().queryForList(sql, args).stream().map(row -> {
                Map<String, Object> lower = new LinkedHashMap<>();
                row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
                return lower;
            }).toList();
        }
        return Map.of("updated", jdbc().update(sql, args));
    }

    private Object enterprises(JsonNode body) {
        List<Enterprise> list = json.convertValue(body.get("enterprises"), new TypeReference<List<Enterprise>>() { });
        EnterpriseRegistry registry = bean(EnterpriseRegistry.class);
        tx().executeWithoutResult(s -> registry.upsert(list));
        return Map.of("upserted", list.size());
    }

    private List<AwardApplicationForm> forms(Iterable<JsonNode> applications) {
        AwardApplicationParser parser = bean(AwardApplicationParser.class);
        List<AwardApplicationForm> forms = new ArrayList<>();
        for (JsonNode app : applications) {
            try {
                forms.add(parser.parseJson(json.writeValueAsBytes(app)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return forms;
    }

    /**
     * Figure 1's raw side: the application records the checks read are written first (untimed, as the files are
     * written before the hub's clock starts); then the award process is started once per application through
     * {@link RuntimeService} with the intake's own start variables, timed, on {@code threads} threads (1: the
     * issue's raw side; more: as many at once as the intake applies files).
     */
    private Object rawAwardStarts(JsonNode body) {
        List<AwardApplicationForm> forms = forms(body.get("applications"));
        int threads = body.path("threads").asInt(1);
        AwardApplications intake = bean(AwardApplications.class);
        RuntimeService runtime = bean(RuntimeService.class);
        tx().executeWithoutResult(s -> forms.forEach(f -> intake.record(f, Channel.APPLY)));
        double seconds = onThreads(threads, forms, f -> runtime.startProcessInstanceByKey(AwardApplications.PROCESS,
                f.applicationId(), intake.startVariables(f, Channel.APPLY)));
        return Map.of("seconds", seconds);
    }

    /** Does {@code work} for every item on {@code threads} threads, each taking the next item; the seconds it took. */
    private static <T> double onThreads(int threads, List<T> items, Consumer<T> work) {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                done.add(pool.submit(() -> {
                    for (T item = queue.poll(); item != null; item = queue.poll()) {
                        work.accept(item);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return seconds(start);
    }

    /** How many award application files the intake applies at the same moment (config: the feed's workers). */
    private Object intakeAtOnce(JsonNode body) {
        return Map.of("atOnce", bean(ExchangeLayout.class).mostAtOnce(body.get("feed").asText()));
    }

    /**
     * Figure 1's baseline: the minimal process (deployed on first use) started n times, timed; with the variables
     * given (none, or the award's start variables).
     */
    private Object minimalStarts(JsonNode body) {
        RepositoryService repository = bean(RepositoryService.class);
        if (repository.createProcessDefinitionQuery().processDefinitionKey(MINIMAL_PROCESS).count() == 0) {
            asTheHubDeploys(() -> {
                try (InputStream bpmn = new ClassPathResource(MINIMAL_RESOURCE).getInputStream()) {
                    repository.createDeployment().name("benchmark baseline")
                            .addInputStream("minimal-task.bpmn20.xml", bpmn).deploy();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        RuntimeService runtime = bean(RuntimeService.class);
        String prefix = body.get("prefix").asText();
        int n = body.get("n").asInt();
        Map<String, Object> variables = json.convertValue(body.path("variables"), new TypeReference<Map<String, Object>>() { });
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            runtime.startProcessInstanceByKey(MINIMAL_PROCESS, prefix + i, variables == null ? Map.of() : variables);
        }
        return Map.of("seconds", seconds(start));
    }

    /** The open task of one award process at one step, and the county group its clerk belongs to. */
    /** The raw side's own look-up (figure 2), so that both sides pay the same for finding the next task. */
    private Object nextTask(JsonNode body) {
        Task task = bean(TaskService.class).createTaskQuery().processInstanceId(body.get("processInstanceId").asText())
                .taskDefinitionKey(body.get("step").asText()).singleResult();
        return task == null ? Map.of() : Map.of("taskId", task.getId());
    }

    /**
     * Figure 2's raw side: {@code count} applications of a prefix waiting at county review, each driven through the
     * three reviews with {@link TaskService#complete} and the variables a clerk's approval sets, on
     * {@code threads} threads at once, timed.
     */
    private Object rawComplete(JsonNode body) {
        TaskService tasks = bean(TaskService.class);
        int count = body.get("count").asInt();
        int threads = body.get("threads").asInt();
        List<Task> waiting = tasks.createTaskQuery().processDefinitionKey(AwardApplications.PROCESS)
                .taskDefinitionKey(STEPS.get(0)).processInstanceBusinessKeyLike(body.get("prefix").asText() + "%")
                .listPage(0, count);
        if (waiting.size() < count) {
            throw new IllegalStateException("only " + waiting.size() + " applications at county review");
        }
        Map<String, Object> approve = Map.of("decision", "approve", "comment", body.get("comment").asText());
        AtomicInteger completed = new AtomicInteger();
        double seconds = onThreads(threads, waiting.stream().map(Task::getProcessInstanceId).toList(), pi -> {
            for (String step : STEPS) {
                Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step).singleResult();
                tasks.complete(t.getId(), approve);
                completed.incrementAndGet();
            }
        });
        return Map.of("seconds", seconds, "completed", completed.get());
    }

    /**
     * Starts award applications (records and processes, in one transaction each, on two threads) until the engine
     * has at least {@code target} open tasks; the open tasks by candidate group, and deadlocks retried.
     */
    private Object topUp(JsonNode body) {
        int target = body.get("target").asInt();
        List<AwardApplicationForm> forms = forms(body.get("applications"));
        long open = bean(TaskService.class).createTaskQuery().count();
        int missing = (int) Math.max(0, Math.min(forms.size(), target - open));
        AwardApplications intake = bean(AwardApplications.class);
        RuntimeService runtime = bean(RuntimeService.class);
        JdbcTemplate jdbc = jdbc();
        AtomicInteger deadlocks = new AtomicInteger();
        onThreads(2, forms.subList(0, missing), form -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    tx().executeWithoutResult(s -> {
                        intake.record(form, Channel.APPLY);
                        String pi = runtime.startProcessInstanceByKey(AwardApplications.PROCESS,
                                form.applicationId(), intake.startVariables(form, Channel.APPLY)).getId();
                        // a whole case, as the hub's intake leaves it: the case pages of figure 4 show it
                        jdbc.update("UPDATE award_application SET process_instance_id = ? "
                                + "WHERE application_id = ?", pi, form.applicationId());
                    });
                    return;
                } catch (CannotAcquireLockException e) {
                    deadlocks.incrementAndGet(); // in the report: the hub should have none
                    if (attempt == 5) {
                        throw e;
                    }
                }
            }
        });
        Map<String, Object> byGroup = new LinkedHashMap<>();
        byGroup.put("(deadlocks retried while topping up)", deadlocks.get());
        jdbc().query("SELECT l.GROUP_ID_, COUNT(*) FROM ACT_RU_IDENTITYLINK l WHERE l.TYPE_ = 'candidate' "
                + "AND l.TASK_ID_ IS NOT NULL GROUP BY l.GROUP_ID_ ORDER BY l.GROUP_ID_", rs -> {
                    byGroup.put(rs.getString(1), rs.getLong(2));
                });
        return byGroup;
    }

    /**
     * {"prefixes": [...]}: removes the process instances whose business keys start with one of the prefixes, open
     * or ended, with their history and the hub's records of them (application, events, ledger, commitment,
     * notices, task inbox), so that the figures after the warm-up runs of figures 1–2 meet the same database
     * however many of those ran. The engine's task-deleted events clear the task inbox; an inbox row left over is
     * counted in the answer (it would be a defect of the hub's listener).
     */
    private Object forget(JsonNode body) {
        RuntimeService runtime = bean(RuntimeService.class);
        HistoryService history = bean(HistoryService.class);
        JdbcTemplate jdbc = jdbc();
        long start = System.nanoTime();
        int instances = 0;
        int applications = 0;
        for (JsonNode prefix : body.get("prefixes")) {
            String like = prefix.asText() + "%";
            List<String> ids = history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(like)
                    .list().stream().map(HistoricProcessInstance::getId).toList();
            for (List<String> chunk : chunks(ids, 500)) {
                List<String> open = runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(chunk))
                        .list().stream().map(ProcessInstance::getId).toList();
                if (!open.isEmpty()) {
                    runtime.bulkDeleteProcessInstances(open, "benchmark warm-up");
                }
                history.bulkDeleteHistoricProcessInstances(chunk);
            }
            instances += ids.size();
            for (String table : List.of("application_event", "award_ledger", "award_budget_commitment")) {
                jdbc.update("DELETE FROM " + table + " WHERE application_id LIKE ?", like);
            }
            jdbc.update("DELETE FROM hub_notice WHERE business_key LIKE ?", like);
            applications += jdbc.update("DELETE FROM award_application WHERE application_id LIKE ?", like);
        }
        int inboxLeft = jdbc.update("DELETE FROM task_inbox WHERE task_id NOT IN (SELECT ID_ FROM ACT_RU_TASK)");
        return Map.of("instances", instances, "applications", applications, "inboxRowsLeftOver", inboxLeft,
                "seconds", seconds(start));
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }

    /**
     * Figure 3's plain side: the rows of an operation-data file (parsed before the clock starts: the plain insert
     * starts from Java values) written with a JDBC batch insert, batches of 1,000, one transaction. With
     * {@code replace} the month's stored rows are deleted first in the same transaction: a re-sent month done by
     * hand. Timed; the month's rows stay (the benchmark cleans up).
     */
    private Object csvJdbc(JsonNode body) {
        List<Object[]> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(Path.of(body.get("file").asText()), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                rows.add(new Object[] {c[0], c[1], new BigDecimal(c[2]), new BigDecimal(c[3]), new BigDecimal(c[4]),
                    new BigDecimal(c[5])});
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int monthNo = body.get("monthNo").asInt();
        boolean replace = body.get("replace").asBoolean();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long start = System.nanoTime();
        try (Connection c = bean(DataSource.class).getConnection()) {
            c.setAutoCommit(false);
            if (replace) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM operation_data WHERE month_no = ?")) {
                    delete.setInt(1, monthNo);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO operation_data (month_no, uscc, period, "
                    + "revenue, profit, electricity_kwh, tax, updated_at) VALUES (?,?,?,?,?,?,?,?)")) {
                int pending = 0;
                for (Object[] r : rows) {
                    ps.setInt(1, monthNo);
                    ps.setString(2, (String) r[0]);
                    ps.setString(3, (String) r[1]);
                    ps.setBigDecimal(4, (BigDecimal) r[2]);
                    ps.setBigDecimal(5, (BigDecimal) r[3]);
                    ps.setBigDecimal(6, (BigDecimal) r[4]);
                    ps.setBigDecimal(7, (BigDecimal) r[5]);
                    ps.setObject(8, now);
                    ps.addBatch();
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("seconds", seconds(start), "rows", rows.size());
    }

    /**
     * Takes applications approved by all three reviews to their end as the hub would over weeks: the public notice
     * period's timer fired now, the payment instruction issued by the process, and the finance bureau's receipt
     * (PAID) applied through the hub's own receipt handling. For the year of data's templates.
     */
    private Object finishTemplates(JsonNode body) {
        ManagementService management = bean(ManagementService.class);
        AwardApplications applications = bean(AwardApplications.class);
        List<String> finished = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        body.get("applicationIds").forEach(id -> ids.add(id.asText()));
        for (String applicationId : ids) {
            // due now: the async executor runs it, as it would when the period ends (running it here as well
            // would race the executor)
            for (Job timer : management.createTimerJobQuery()
                    .processInstanceId(applications.find(applicationId).orElseThrow().processInstanceId()).list()) {
                management.moveTimerToExecutableJob(timer.getId());
            }
        }
        for (String applicationId : ids) {
            List<String> payments = List.of();
            for (long deadline = System.nanoTime() + 120_000_000_000L; payments.isEmpty(); ) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no payment instruction for " + applicationId);
                }
                payments = jdbc().queryForList("SELECT payment_id FROM payment_instruction "
                        + "WHERE application_id = ? AND status = 'ISSUED'", String.class, applicationId);
                if (payments.isEmpty()) {
                    sleep(200);
                }
            }
            for (String paymentId : payments) {
                applications.receipt(paymentId, Payments.Status.PAID,
                        LocalDate.now(ZoneOffset.UTC), "BENCH-" + paymentId, null);
            }
            finished.add(applicationId + ":" + applications.find(applicationId).orElseThrow().status());
        }
        return Map.of("finished", finished);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
