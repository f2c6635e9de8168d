package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.award.Applications;
import cn.gov.sd.pilotzone.award.Payments;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.registry.CreditRecords;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front-end database (前置库) as a bureau's system uses it: rows inserted into the exchange tables, the hub's
 * DONE/ERROR and reasons read back. On H2 here and on MariaDB in the subclass (a database of its own beside the
 * hub's). Data is unique per test: the context and the exchange database are shared.
 */
abstract class ExchangeTablesTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ExchangeDatabase exchange;
    @Autowired
    JdbcTemplate hubJdbc;
    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    CreditRecords credit;
    @Autowired
    Outbox outbox;
    @Autowired
    List<FeedHandler> handlers;
    @Autowired
    InboundClaims claims;
    @Autowired
    ExchangeLayout layout;
    @Autowired
    FeedLog feedLog;
    @Autowired
    Messages messages;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    HubClient hub;
    @Autowired
    Payments payments;

    private JdbcTemplate ex() {
        return new JdbcTemplate(exchange.dataSource());
    }

    private static String batch() {
        return "T-" + UUID.randomUUID();
    }

    private void insert(String table, String batch, Map<String, Object> values) {
        List<String> columns = new ArrayList<>(values.keySet());
        columns.add("ex_batch");
        List<Object> args = new ArrayList<>(values.values());
        args.add(batch);
        ex().update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", args.toArray());
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    /** The batch's rows once none is NEW: ex_id → [status, message]. */
    private Map<Long, List<String>> awaitDone(String table, String batch) {
        await().atMost(WAIT).until(() -> ex().queryForObject("SELECT COUNT(*) FROM " + table
                + " WHERE ex_batch = ? AND ex_status = 'NEW'", Long.class, batch) == 0);
        Map<Long, List<String>> rows = new LinkedHashMap<>();
        ex().query("SELECT ex_id, ex_status, ex_message, ex_done_at FROM " + table + " WHERE ex_batch = ? ORDER BY ex_id",
                rs -> {
                    assertThat(rs.getObject(4)).as("ex_done_at").isNotNull();
                    rows.put(rs.getLong(1), Arrays.asList(rs.getString(2), rs.getString(3)));
                }, batch);
        return rows;
    }

    private static List<String> statuses(Map<Long, List<String>> rows) {
        return rows.values().stream().map(r -> r.get(0)).toList();
    }

    @Test
    void aGoodEnterpriseBatchIsAppliedAndItsRowsMarkedDone() {
        String batch = batch();
        String a = TestEnterprises.uscc("370702");
        String b = TestEnterprises.uscc("370703");
        insert("ex_enterprises", batch, row("uscc", a, "enterprise_name", "潍坊前置库甲公司", "county_code", "370702",
                "above_scale", "Y"));
        insert("ex_enterprises", batch, row("uscc", b, "enterprise_name", "潍坊前置库乙公司", "county_code", "370703"));

        assertThat(statuses(awaitDone("ex_enterprises", batch))).containsExactly("DONE", "DONE");
        assertThat(registry.find(a)).hasValueSatisfying(e -> assertThat(e.aboveScale()).isTrue());
        assertThat(registry.find(b)).isPresent();
        assertThat(feedLog.recent("enterprises", 20)).anySatisfy(e -> {
            assertThat(e.fileName()).isEqualTo("ex_enterprises#" + batch + ".csv");
            assertThat(e.status()).isEqualTo(FeedLog.Status.PROCESSED);
            assertThat(e.rowsApplied()).isEqualTo(2);
        });
    }

    @Test
    void aBadRowRejectsTheEnterpriseBatchAsItWouldTheFileWithEachRowsReason() {
        String batch = batch();
        String good = TestEnterprises.uscc("370702");
        insert("ex_enterprises", batch, row("uscc", good, "enterprise_name", "潍坊好公司", "county_code", "370702"));
        insert("ex_enterprises", batch, row("uscc", "91370700ABC", "enterprise_name", "潍坊坏公司", "county_code", "999999"));

        Map<Long, List<String>> rows = awaitDone("ex_enterprises", batch);
        assertThat(statuses(rows)).containsExactly("ERROR", "ERROR");
        List<List<String>> list = new ArrayList<>(rows.values());
        assertThat(list.get(0).get(1)).contains("本批次其他行有错误").contains("other rows");
        // the file feed's reasons, Chinese and English, without a line number: the row is the line
        assertThat(list.get(1).get(1)).contains("999999").contains("uscc").doesNotContain("line");
        assertThat(registry.find(good)).isEmpty();
    }

    @Test
    void creditRecordsGoodAndBad() {
        String uscc = TestEnterprises.uscc("370702");
        String good = batch();
        insert("ex_credit_records", good, row("uscc", uscc, "enterprise_name", "潍坊失信公司", "record_type", "质量失信",
                "listed_on", "2024-01-01"));
        assertThat(statuses(awaitDone("ex_credit_records", good))).containsExactly("DONE");
        assertThat(credit.activeOn(uscc, LocalDate.of(2024, 6, 1))).isPresent();

        String bad = batch();
        insert("ex_credit_records", bad, row("uscc", uscc, "enterprise_name", "潍坊失信公司", "record_type", "质量失信",
                "listed_on", "2024-13-45"));
        Map<Long, List<String>> rows = awaitDone("ex_credit_records", bad);
        assertThat(statuses(rows)).containsExactly("ERROR");
        assertThat(rows.values().iterator().next().get(1)).contains("listed_on").contains("2024-13-45");
    }

    @Test
    void operationDataGoodAndBad() {
        String uscc = TestEnterprises.uscc("370702");
        String good = batch();
        insert("ex_operation_data", good, row("uscc", uscc, "period", "2024-05", "revenue", "1000000.50",
                "electricity_kwh", "20000"));
        assertThat(statuses(awaitDone("ex_operation_data", good))).containsExactly("DONE");
        assertThat(hubJdbc.queryForObject("SELECT revenue FROM operation_data WHERE uscc = ? AND period = '2024-05'",
                BigDecimal.class, uscc)).isEqualByComparingTo("1000000.50");

        String bad = batch();
        insert("ex_operation_data", bad, row("uscc", uscc, "period", "2024-06", "revenue", "lots"));
        Map<Long, List<String>> rows = awaitDone("ex_operation_data", bad);
        assertThat(statuses(rows)).containsExactly("ERROR");
        assertThat(rows.values().iterator().next().get(1)).contains("revenue").contains("lots");
    }

    @Test
    void recognitionListRowsAreAccountedForOneByOne() {
        String known = TestEnterprises.uscc("370705");
        String unknown = TestEnterprises.uscc("370705");
        registry.upsert(List.of(TestEnterprises.enterprise(known, "潍坊认定公司", "370705", null, true)));
        String batch = batch();
        insert("ex_recognition_lists", batch, row("uscc", known, "enterprise_name", "潍坊认定公司",
                "policy_code", "SINGLE_CHAMPION_NATIONAL", "recognized_on", "2024-05-01"));
        insert("ex_recognition_lists", batch, row("uscc", unknown, "enterprise_name", "潍坊未入库公司",
                "policy_code", "SINGLE_CHAMPION_NATIONAL", "recognized_on", "2024-05-01"));

        List<List<String>> rows = new ArrayList<>(awaitDone("ex_recognition_lists", batch).values());
        assertThat(rows.get(0).get(0)).isEqualTo("DONE");
        assertThat(rows.get(1).get(0)).isEqualTo("ERROR");
        assertThat(rows.get(1).get(1)).contains(unknown).contains("企业库");
        assertThat(hubJdbc.queryForObject("SELECT COUNT(*) FROM award_application WHERE application_id = ?",
                Long.class, "AUTO-" + known + "-SINGLE_CHAMPION_NATIONAL-2024")).isEqualTo(1);
    }

    @Test
    void receiptsForUnknownPaymentsAreRefused() {
        String batch = batch();
        insert("ex_payment_receipts", batch, row("payment_id", "PAY-NOSUCH-" + batch, "status", "PAID",
                "paid_on", "2024-05-01"));
        insert("ex_payment_receipts", batch, row("payment_id", "PAY-NOSUCH2-" + batch, "status", "MAYBE"));
        List<List<String>> rows = new ArrayList<>(awaitDone("ex_payment_receipts", batch).values());
        assertThat(rows).allSatisfy(r -> assertThat(r.get(0)).isEqualTo("ERROR"));
        assertThat(rows.get(0).get(1)).contains("PAY-NOSUCH-" + batch);
        assertThat(rows.get(1).get(1)).contains("MAYBE");
    }

    @Test
    void indicatorRowsReachTheZonesIndicatorsAndABadRowGetsItsReason() {
        String batch = batch();
        // a value of this run: the MariaDB suite's databases outlive it, and a re-sent period replaces its value
        String value = String.valueOf(100 + Math.floorMod(batch.hashCode(), 900));
        insert("ex_indicators", batch, row("zone_id", "shandong", "indicator_code",
                "provincial_software_engineering_centers", "period", "2024", "`value`", value));
        insert("ex_indicators", batch, row("zone_id", "shandong", "indicator_code", "no_such_indicator",
                "period", "2024", "`value`", "1"));

        List<List<String>> rows = new ArrayList<>(awaitDone("ex_indicators", batch).values());
        assertThat(rows.get(0).get(0)).isEqualTo("DONE");
        assertThat(rows.get(1).get(0)).isEqualTo("ERROR");
        assertThat(rows.get(1).get(1)).contains("no_such_indicator").contains("没有指标").contains("has no target");
        JsonNode indicator = StreamSupport.stream(hub.getJson("sgxt", "/api/zones/shandong/indicators").spliterator(),
                false).filter(i -> i.path("code").asText().equals("provincial_software_engineering_centers"))
                .findFirst().orElseThrow();
        assertThat(indicator.path("source").asText()).isEqualTo("FEED");
        assertThat(indicator.path("series")).anySatisfy(point -> {
            assertThat(point.path("period").asText()).isEqualTo("2024");
            assertThat(point.path("value").decimalValue()).isEqualByComparingTo(value);
        });
    }

    @Test
    void anAwardIsPaidThroughAReceiptRowAndASecondPaidRowWithAnotherBankReferenceIsRaisedNotApplied() {
        Map<String, Object> application = Applications.fresh("SMART_SCENARIO_NATIONAL");
        String id = (String) application.get("applicationId");
        assertThat(hub.call("system", HttpMethod.POST, "/api/award-applications", application).getStatusCode().value())
                .isEqualTo(201);
        hub.decide("county-370705", id, "countyReview", Map.of("decision", "approve"));
        hub.decide("gxj", id, "cityReview", Map.of("decision", "approve"));
        hub.decide("czj", id, "financeReview", Map.of("decision", "approve"));
        String paymentId = await().atMost(HubClient.WAIT).until(() -> payments.ofApplication(id), l -> l.size() == 1)
                .get(0).paymentId();

        String paid = batch();
        insert("ex_payment_receipts", paid, row("payment_id", paymentId, "status", "PAID",
                "paid_on", LocalDate.now().toString(), "bank_reference", "B-1-" + paymentId));
        assertThat(statuses(awaitDone("ex_payment_receipts", paid))).containsExactly("DONE");
        hub.awaitStatus(id, "PAID");
        assertThat(hubJdbc.queryForMap("SELECT status, payment_id FROM award_ledger WHERE application_id = ?", id))
                .containsEntry("status", "PAID").containsEntry("payment_id", paymentId);

        String second = batch();
        insert("ex_payment_receipts", second, row("payment_id", paymentId, "status", "PAID",
                "paid_on", LocalDate.now().toString(), "bank_reference", "B-2-" + paymentId));
        Map<Long, List<String>> rows = awaitDone("ex_payment_receipts", second);
        // the sender must look at it: the row is not applied, its reason names both references
        assertThat(statuses(rows)).containsExactly("ERROR");
        assertThat(rows.values().iterator().next().get(1)).contains("疑似重复拨付").contains("possible double transfer")
                .contains("B-1-" + paymentId).contains("B-2-" + paymentId);
        assertThat(payments.ofApplication(id)).extracting(Payments.Instruction::bankReference)
                .containsExactly("B-1-" + paymentId);
        assertThat(hubJdbc.queryForObject("SELECT COUNT(*) FROM payment_alert WHERE payment_id = ? "
                + "AND bank_reference = ?", Long.class, paymentId, "B-2-" + paymentId)).isEqualTo(1);
        assertThat(hub.application("czj", id).path("history").findValuesAsText("step"))
                .containsOnlyOnce("possibleDoubleTransfer");
    }

    @Test
    void aBatchCommittedInTwoTransactionsIsNotTakenHalf() throws Exception {
        String batch = batch();
        String a = TestEnterprises.uscc("370702");
        String b = TestEnterprises.uscc("370702");
        insert("ex_enterprises", batch, row("uscc", a, "enterprise_name", "潍坊分批甲", "county_code", "370702"));
        // the sender's second transaction, well within the quiet period (1 s in the tests), after several polls
        Thread.sleep(500);
        assertThat(ex().queryForObject("SELECT ex_status FROM ex_enterprises WHERE ex_batch = ?", String.class, batch))
                .isEqualTo("NEW");
        insert("ex_enterprises", batch, row("uscc", b, "enterprise_name", "潍坊分批乙", "county_code", "370702"));

        assertThat(statuses(awaitDone("ex_enterprises", batch))).containsExactly("DONE", "DONE");
        assertThat(feedLog.recent("enterprises", 50)).filteredOn(e -> e.fileName().contains(batch))
                .singleElement().satisfies(e -> assertThat(e.rowsTotal()).isEqualTo(2));
    }

    @Test
    void twoNodesOnOneExchangeDatabaseTakeEachBatchOnce() throws Exception {
        // a second hub node on the same hub and exchange databases: its own node row and claims
        HubNode other = new HubNode(hubJdbc, Clock.systemUTC(), Duration.ofMinutes(2));
        other.register();
        ExchangeBatches[] nodes = {
                new ExchangeBatches(handlers, claims, feedLog, messages, hubJdbc, transactions, Clock.systemUTC(), Duration.ZERO),
                new ExchangeBatches(handlers, new InboundClaims(hubJdbc, other, Clock.systemUTC(), layout), feedLog, messages,
                        hubJdbc, transactions, Clock.systemUTC(), Duration.ZERO)};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                Map<String, Object> batch = row("ex_batch", batch(), "ex_rows", 1, "first_id", 1, "last_id", i);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> taken = new ArrayList<>();
                for (ExchangeBatches node : nodes) {
                    Callable<Boolean> take = () -> {
                        start.await();
                        return node.take("enterprises", batch);
                    };
                    taken.add(pool.submit(take));
                }
                int takers = 0;
                for (Future<Boolean> f : taken) {
                    takers += f.get() ? 1 : 0;
                }
                assertThat(takers).as("batch %s", batch).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchAppliedBeforeACrashOnlyGetsItsStatusesWrittenAgain() {
        String batch = batch();
        String uscc = TestEnterprises.uscc("370702");
        insert("ex_enterprises", batch, row("uscc", uscc, "enterprise_name", "潍坊重做公司", "county_code", "370702"));
        Map<Long, List<String>> first = awaitDone("ex_enterprises", batch);
        long applied = feedLog.recent("enterprises", 100).stream().filter(e -> e.fileName().contains(batch)).count();
        // the crash: the hub committed, the statuses were lost (the exchange database went away before its update)
        ex().update("UPDATE ex_enterprises SET ex_status = 'NEW', ex_done_at = NULL WHERE ex_batch = ?", batch);
        // the claim is this node's and APPLIED: the route takes it again (a leftover), finds the recorded outcome
        assertThat(awaitDone("ex_enterprises", batch)).isEqualTo(first);
        assertThat(feedLog.recent("enterprises", 100).stream().filter(e -> e.fileName().contains(batch)).count())
                .as("applied once").isEqualTo(applied);
    }

    @Test
    void outboundPaymentRowsAreWrittenOncePerPayment() {
        String paymentId = "PAY-EX-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> item = row("payment_id", paymentId, "application_id", "APP-" + paymentId, "uscc",
                TestEnterprises.uscc("370702"), "enterprise_name", "潍坊付款公司", "policy_code", "STANDARD_NATIONAL",
                "amount", "123456.70", "bank_name", "中国工商银行", "account_name", "潍坊付款公司", "account_no", "1607001",
                "approved_on", "2025-03-01");
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> outbox.add("payment-instructions", paymentId, item));
        await().atMost(WAIT).until(() -> count(paymentId) == 1);
        assertThat(ex().queryForObject("SELECT amount FROM ex_payment_instructions WHERE payment_id = ?",
                BigDecimal.class, paymentId)).isEqualByComparingTo("123456.70");
        String exBatch = ex().queryForObject("SELECT ex_batch FROM ex_payment_instructions WHERE payment_id = ?",
                String.class, paymentId);

        // a node that crashed after writing but before marking the batch written: the batch is written again
        hubJdbc.update("UPDATE outbox_batch SET written_at = NULL, created_at = ? WHERE batch_id = ?",
                LocalDateTime.now().minusMinutes(5), exBatch);
        await().atMost(WAIT).until(() -> hubJdbc.queryForObject(
                "SELECT written_at FROM outbox_batch WHERE batch_id = ?", LocalDateTime.class, exBatch) != null);
        assertThat(count(paymentId)).isEqualTo(1);
    }

    @Test
    void anOutboundBatchOfSeveralPaymentsIsWrittenWhole() {
        List<String> paymentIds = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < 3; i++) {
                String paymentId = "PAY-EXB-" + UUID.randomUUID().toString().substring(0, 8);
                paymentIds.add(paymentId);
                outbox.add("payment-instructions", paymentId, row("payment_id", paymentId, "application_id",
                        "APP-" + paymentId, "uscc", TestEnterprises.uscc("370702"), "enterprise_name", "潍坊付款公司",
                        "policy_code", "STANDARD_NATIONAL", "amount", "1000.0" + i, "bank_name", "中国工商银行",
                        "account_name", "潍坊付款公司", "account_no", "160700" + i, "approved_on", "2025-03-01"));
            }
        });
        await().atMost(WAIT).until(() -> paymentIds.stream().allMatch(id -> count(id) == 1));
        assertThat(paymentIds.stream().map(id -> ex().queryForObject(
                "SELECT ex_batch FROM ex_payment_instructions WHERE payment_id = ?", String.class, id)).distinct())
                .as("one batch").hasSize(1);
    }

    private long count(String paymentId) {
        return ex().queryForObject("SELECT COUNT(*) FROM ex_payment_instructions WHERE payment_id = ?", Long.class,
                paymentId);
    }

    @Autowired
    ExchangeTables tables;
    @Autowired
    TestRestTemplate rest;

    @Test
    void healthAndTheDashboardShowTheExchangeTables() {
        String batch = batch();
        insert("ex_credit_records", batch, row("uscc", "bad", "enterprise_name", "潍坊", "record_type", "质量失信",
                "listed_on", "2024-01-01"));
        awaitDone("ex_credit_records", batch);
        assertThat(exchange.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(tables.health()).filteredOn(t -> t.feed().equals("credit-records")).singleElement()
                .satisfies(t -> {
                    assertThat(t.reachable()).isTrue();
                    assertThat(t.error()).isPositive();
                    assertThat(t.lastBatch()).isNotNull();
                });
        String page = rest.withBasicAuth("supervisor", "demo").getForObject("/dashboard", String.class);
        assertThat(page).contains("id=\"exchange-tables\"").contains("ex_credit_records");
    }
}
