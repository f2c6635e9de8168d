package cn.gov.sd.pilotzone.faults;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * The local MariaDB server itself, stopped and started as its administrator would (root over the local socket,
 * the way the machine starts it). Only the outage test uses it, last but one of the fault tests.
 */
final class MariaDbServer {

    private MariaDbServer() {
    }

    /** Skips where this user cannot administer the server (a developer's machine); under CI=true it must. */
    static void assumeControllable() {
        boolean controllable = run(List.of("mysqladmin", "-uroot", "--silent", "ping")) == 0;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            if (!controllable) {
                throw new IllegalStateException("CI=true: the outage test must be able to stop and start MariaDB as root");
            }
            return;
        }
        Assumptions.assumeTrue(controllable, "cannot administer the local MariaDB as root: outage test skipped");
    }

    static void stop() {
        run(List.of("mysqladmin", "-uroot", "shutdown"));
        await(false, Duration.ofSeconds(60));
    }

    static void start() {
        run(List.of("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd"));
        await(true, Duration.ofSeconds(120));
    }

    private static void await(boolean up, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while ((run(List.of("mysqladmin", "-uroot", "--silent", "ping")) == 0) != up) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("MariaDB not " + (up ? "up" : "down") + " within " + atMost);
            }
            HubProcess.sleep(Duration.ofMillis(500));
        }
    }

    private static int run(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
