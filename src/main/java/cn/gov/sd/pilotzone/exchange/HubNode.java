package cn.gov.sd.pilotzone.exchange;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import cn.gov.sd.pilotzone.common.Utc;

import jakarta.annotation.PostConstruct;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This running hub process as the other nodes on the same database see it: a row in {@code hub_node} with a
 * heartbeat. A node whose heartbeat is older than {@code hub.cluster.node-timeout} is taken for dead (killed,
 * crashed, cut off), and its inbound claims may be taken over. Each start is a new node, so a restarted hub takes
 * over its own earlier life's claims once that life's heartbeat has aged.
 */
@Component
public class HubNode {

    private static final Logger log = LoggerFactory.getLogger(HubNode.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration timeout;
    private final String id;

    public HubNode(JdbcTemplate jdbc, Clock clock, @Value("${hub.cluster.node-timeout}") Duration timeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = timeout;
        this.id = UUID.randomUUID().toString();
    }

    public String id() {
        return id;
    }

    /** Nodes whose heartbeat is newer than this are alive. */
    public Instant aliveSince() {
        return clock.instant().minus(timeout);
    }

    /** Registered before any route starts: a claim of a node unknown to the table would look abandoned. */
    @PostConstruct
    void register() {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO hub_node (node_id, host, started_at, heartbeat_at) VALUES (?,?,?,?)",
                id, host(), Utc.of(now), Utc.of(now));
        log.info("hub node {} on {} registered", id, host());
    }

    /**
     * A failed beat (database unreachable) is only logged: the node goes on and beats again once the database is
     * back; until then other nodes may take it for dead.
     */
    @Scheduled(fixedDelayString = "${hub.cluster.heartbeat}")
    public void beat() {
        try {
            jdbc.update("UPDATE hub_node SET heartbeat_at = ? WHERE node_id = ?", Utc.of(clock.instant()), id);
        } catch (RuntimeException e) {
            log.warn("hub node {}: heartbeat failed: {}", id, e.getMessage());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "unknown/" + ProcessHandle.current().pid();
        }
    }
}
