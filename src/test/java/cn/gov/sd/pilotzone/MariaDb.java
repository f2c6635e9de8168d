package cn.gov.sd.pilotzone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.DriverManager;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a database suite against the local MariaDB through the {@code mysql} profile (Connector/J), as CI does.
 * Skipped with a message where MariaDB is not reachable, except under {@code CI=true}: there it runs and fails
 * loudly rather than skip. {@code .ci/run} creates the database and user ({@code .ci/mariadb-setup.sh}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("mysql")
@TestPropertySource(properties = {
        "spring.datasource.url=${HUB_TEST_DB_URL:jdbc:mysql://127.0.0.1:3306/hub_test?nullDatabaseMeansCurrent=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true"
                + "&characterEncoding=UTF-8}",
        "spring.datasource.username=${HUB_TEST_DB_USER:hub}",
        "spring.datasource.password=${HUB_TEST_DB_PASSWORD:hub}",
        "hub.demo.enabled=true",
        // the exchange database (前置库) on the same server, a database of its own (.ci/run creates it)
        "hub.exchange.db.feeds=" + MariaDb.EXCHANGE_FEEDS,
        "hub.exchange.db.url=${HUB_EXCHANGE_DB_URL:jdbc:mariadb://127.0.0.1:3306/hub_ex}",
        "hub.exchange.db.user=${HUB_TEST_DB_USER:hub}",
        "hub.exchange.db.password=${HUB_TEST_DB_PASSWORD:hub}"})
@ExtendWith(MariaDb.Reachable.class)
public @interface MariaDb {

    String URL = System.getenv().getOrDefault("HUB_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/hub_test"
            + "?nullDatabaseMeansCurrent=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
            + "&rewriteBatchedStatements=true&characterEncoding=UTF-8&connectTimeout=2000");
    /** The mysql profile has no exchange database; the suites use every table feed, as the default profile does. */
    String EXCHANGE_FEEDS = "enterprises, credit-records, recognition-lists, operation-data, payment-receipts, "
            + "indicators, payment-instructions, application-results";
    String USER = System.getenv().getOrDefault("HUB_TEST_DB_USER", "hub");
    String PASSWORD = System.getenv().getOrDefault("HUB_TEST_DB_PASSWORD", "hub");

    class Reachable implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: MariaDB suites always run");
            }
            try (var c = DriverManager.getConnection(URL, USER, PASSWORD)) {
                return ConditionEvaluationResult.enabled("MariaDB reachable at " + URL);
            } catch (Exception e) {
                return ConditionEvaluationResult.disabled("MariaDB not reachable at " + URL + " (" + e.getMessage()
                        + "): database suite skipped; run .ci/mariadb-setup.sh to enable it");
            }
        }
    }
}
