package cn.gov.sd.pilotzone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import cn.gov.sd.pilotzone.registry.TestUscc;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the exchange database (前置库) goes away while the hub applies a batch, and comes back. A private
 * MariaDB (own datadir, port and socket) is the exchange database, killed with SIGKILL once the hub has the batch
 * and started again. The hub reports it DOWN meanwhile, recovers without a restart, and the batch is applied once:
 * all its rows DONE, one feed-log entry, one recorded outcome, every enterprise in the registry.
 */
@Order(4)
class ExchangeDatabaseOutageMariaDbIT extends FaultTest {

    private static final int ROWS = 2000;

    @Test
    void anExchangeDatabaseKilledDuringABatchIsRetriedAndTheBatchAppliedOnce() throws Exception {
        PrivateMariaDb.assumeInstalled();
        try (PrivateMariaDb exchange = PrivateMariaDb.create()) {
            Files.createDirectories(dataDir);
            try (HubProcess hub = HubProcess.start("exchange-outage", dataDir,
                    "--hub.exchange.db.feeds=enterprises",
                    "--hub.exchange.db.url=" + exchange.url(),
                    "--hub.exchange.db.user=root",
                    "--hub.exchange.db.password=",
                    "--hub.exchange.db.quiet-period=PT1S")) {
                String batch = "OUTAGE-" + Instant.now().toEpochMilli();
                try (Connection c = exchange.connect("ex")) {
                    c.setAutoCommit(false);
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO ex_enterprises "
                            + "(ex_batch, uscc, enterprise_name, county_code) VALUES (?,?,?,?)")) {
                        for (int i = 0; i < ROWS; i++) {
                            insert.setString(1, batch);
                            insert.setString(2, TestUscc.next("370702"));
                            insert.setString(3, "潍坊前置库断线测试" + i);
                            insert.setString(4, "370702");
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                    c.commit();
                }
                // the hub takes the batch after the quiet period and applies it; the exchange database dies as soon
                // as the hub has recorded the outcome (or, if the hub was quicker, right after)
                Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
                while (FaultDatabase.count("SELECT COUNT(*) FROM exchange_batch WHERE ex_batch = '" + batch + "'") == 0
                        && Instant.now().isBefore(deadline)) {
                    HubProcess.sleep(Duration.ofMillis(20));
                }
                exchange.kill();
                hub.awaitHealth("DOWN", Duration.ofMinutes(1));
                assertThat(hub.get("admin", "/actuator/health").body())
                        .as("the component that is down, with details for an administrator")
                        .contains("\"exchangeDatabase\":{\"status\":\"DOWN\"");

                exchange.start();
                hub.awaitHealth("UP", Duration.ofMinutes(2));
                deadline = Instant.now().plus(Duration.ofMinutes(2));
                while (waiting(exchange, batch) > 0 && Instant.now().isBefore(deadline)) {
                    HubProcess.sleep(Duration.ofMillis(500));
                }
                assertThat(waiting(exchange, batch)).as("rows still NEW").isZero();
                try (Connection c = exchange.connect("ex");
                     ResultSet rs = c.createStatement().executeQuery("SELECT ex_status, COUNT(*) FROM ex_enterprises "
                             + "WHERE ex_batch = '" + batch + "' GROUP BY ex_status")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("DONE");
                    assertThat(rs.getInt(2)).isEqualTo(ROWS);
                    assertThat(rs.next()).isFalse();
                }
                assertThat(FaultDatabase.count("SELECT COUNT(*) FROM exchange_batch WHERE ex_batch = '" + batch + "'"))
                        .as("outcomes recorded").isEqualTo(1);
                assertThat(FaultDatabase.count("SELECT COUNT(*) FROM feed_file WHERE file_name = 'ex_enterprises#"
                        + batch + ".csv'")).as("times applied").isEqualTo(1);
                assertThat(FaultDatabase.count("SELECT COUNT(*) FROM enterprise WHERE name LIKE "
                        + "'潍坊前置库断线测试%'")).isEqualTo(ROWS);
            }
        }
    }

    private static int waiting(PrivateMariaDb exchange, String batch) throws Exception {
        try (Connection c = exchange.connect("ex");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM ex_enterprises WHERE ex_batch = '"
                     + batch + "' AND ex_status = 'NEW'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
