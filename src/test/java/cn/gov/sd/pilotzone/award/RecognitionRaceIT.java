package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.award.AwardApplicationForm.Attachment;
import cn.gov.sd.pilotzone.award.AwardApplicationForm.BankAccount;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.FeedHandler.FeedResult;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.TestEnterprises;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * “The same enterprise and policy never get two awards, whichever channel came first”: a recognition list (AUTO)
 * and a filed application (APPLY) for the same enterprise, policy and year, in both orders and racing each other.
 * The award ledger's primary key decides; exactly one application holds the award and reaches payment.
 */
@HubIntegrationTest
@Import(HubClient.class)
class RecognitionRaceIT {

    static final String POLICY = "SMART_FACTORY_PROVINCIAL";

    @Autowired
    RecognitionListFeed listFeed;
    @Autowired
    AwardApplications applications;
    @Autowired
    ApplicationStore store;
    @Autowired
    AwardLedger ledger;
    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    ApplicationContext context;
    AwardDriver driver;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        driver = new AwardDriver(context);
    }

    @Test
    void listFirstThenTheFiledApplicationIsRefused() {
        String uscc = enterprise();
        FeedResult list = listFeed.accept("list.csv", list(uscc));
        assertThat(list.rowsApplied()).isEqualTo(1);

        applications.submit(filed(uscc), Channel.APPLY, "portal");

        AwardApplication filed = store.get("WF-RACE-" + uscc);
        assertThat(filed.status()).isEqualTo(Status.REJECTED);
        assertThat(filed.reasons()).anyMatch(r -> r.contains(autoId(uscc)));
        assertOneAward(uscc, autoId(uscc));
    }

    @Test
    void filedFirstThenTheListRowIsReportedAndStartsNothing() {
        String uscc = enterprise();
        applications.submit(filed(uscc), Channel.APPLY, "portal");

        FeedResult list = listFeed.accept("list.csv", list(uscc));

        assertThat(list.rowsApplied()).isZero();
        assertThat(list.skipped()).extracting(Problem::code).containsExactly("recognition.duplicateAward");
        assertThat(store.find(autoId(uscc))).isEmpty();
        assertOneAward(uscc, "WF-RACE-" + uscc);
    }

    @Test
    void racingEachOtherExactlyOneGetsTheAwardAndIsPaid() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String uscc = enterprise();
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Object> byList = () -> {
                    start.await();
                    return listFeed.accept("list-" + uscc + ".csv", list(uscc));
                };
                Callable<Object> byFiling = () -> {
                    start.await();
                    return applications.submit(filed(uscc), Channel.APPLY, "portal");
                };
                // alternate who is handed to the pool first, so both interleavings get their chance
                List<Future<Object>> results = round % 2 == 0
                        ? List.of(pool.submit(byList), pool.submit(byFiling))
                        : List.of(pool.submit(byFiling), pool.submit(byList));
                for (Future<Object> f : results) {
                    f.get(60, TimeUnit.SECONDS);
                }

                String holder = assertOneAward(uscc, null);
                if (round == 0) {
                    String paymentId = driver.toPaying(holder);
                    applications.receipt(paymentId, Payments.Status.PAID, LocalDate.of(2024, 12, 1), "BANK-1", null);
                    driver.awaitStatus(holder, Status.PAID);
                    assertThat(jdbc.queryForObject("SELECT status FROM award_ledger WHERE uscc = ? AND policy_code = ?",
                            String.class, uscc, POLICY)).isEqualTo("PAID");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exactly one ledger entry, held by a live application; every other application of the pair refused. */
    private String assertOneAward(String uscc, String expectedHolder) {
        List<String> holders = jdbc.queryForList("SELECT application_id FROM award_ledger WHERE uscc = ? AND "
                + "policy_code = ? AND event_year = 2024", String.class, uscc, POLICY);
        assertThat(holders).hasSize(1);
        String holder = holders.get(0);
        if (expectedHolder != null) {
            assertThat(holder).isEqualTo(expectedHolder);
        }
        List<String> pair = new ArrayList<>(List.of(autoId(uscc), "WF-RACE-" + uscc));
        for (String id : pair) {
            Optional<AwardApplication> app = store.find(id);
            if (id.equals(holder)) {
                assertThat(app.orElseThrow().status()).isIn(Status.IN_REVIEW, Status.PAYING, Status.PAID);
            } else {
                app.ifPresent(a -> assertThat(a.status()).as(id).isEqualTo(Status.REJECTED));
            }
        }
        return holder;
    }

    private String enterprise() {
        String uscc = TestEnterprises.uscc("370705");
        registry.upsert(List.of(TestEnterprises.enterprise(uscc, "竞争测试有限公司", "370705", null, true)));
        return uscc;
    }

    private static String autoId(String uscc) {
        return "AUTO-" + uscc + "-" + POLICY + "-2024";
    }

    private static byte[] list(String uscc) {
        return ("uscc,enterprise_name,policy_code,recognized_on\n" + uscc + ",竞争测试有限公司," + POLICY + ",2024-06-06\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static AwardApplicationForm filed(String uscc) {
        return new AwardApplicationForm("WF-RACE-" + uscc, uscc, "竞争测试有限公司", "370705", POLICY,
                LocalDate.of(2024, 7, 7), Map.of(), null, new BankAccount("中国银行", "竞争测试有限公司", "62000012345678"),
                List.of(new Attachment("认定文件.pdf", null)));
    }
}
