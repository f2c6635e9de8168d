package cn.gov.sd.pilotzone.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.init.ScriptException;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * The front-end database (前置库) the hub exchanges tables with (docs/exchange-database.md): its own connection pool,
 * never the hub's schema, and deliberately not a {@link DataSource} bean (that would replace the hub's own). Which
 * feeds use it: {@code hub.exchange.db.feeds}. Its health ({@code exchangeDatabase} in /actuator/health) is DOWN
 * while it cannot be reached; the pool reconnects by itself once it is back.
 */
@Component("exchangeDatabase")
public class ExchangeDatabase implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExchangeDatabase.class);

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)");

    private final Set<String> feeds;
    private final HikariDataSource pool;
    private final boolean createTables;
    private final Path ddl;
    private final AtomicBoolean tablesChecked = new AtomicBoolean();

    public ExchangeDatabase(@Value("${hub.exchange.db.feeds:}") String feeds,
                            @Value("${hub.exchange.db.url:}") String url,
                            @Value("${hub.exchange.db.user:}") String user,
                            @Value("${hub.exchange.db.password:}") String password,
                            @Value("${hub.exchange.db.create-tables:true}") boolean createTables,
                            @Value("${hub.exchange.db.ddl:${hub.home}/config/exchange-tables.sql}") String ddl) {
        this.feeds = new LinkedHashSet<>(Arrays.stream(feeds.split(",")).map(String::strip)
                .filter(f -> !f.isEmpty()).toList());
        this.createTables = createTables;
        this.ddl = Path.of(ddl);
        if (this.feeds.isEmpty()) {
            this.pool = null;
            return;
        }
        if (url.isBlank()) {
            throw new IllegalStateException("hub.exchange.db.feeds is set (" + this.feeds + ") but hub.exchange.db.url is not");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("exchange-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        // the hub starts and keeps running while the exchange database is down: routes retry, health says DOWN
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(3000);
        config.setValidationTimeout(2000);
        if (url.startsWith("jdbc:mariadb:")) {
            // MariaDB's driver sends a batch of INSERTs with the server's bulk protocol, which refuses the outbound
            // feeds' INSERT … SELECT … WHERE NOT EXISTS (error 1295): every batch of two rows or more failed
            config.addDataSourceProperty("useBulkStmtsForInserts", "false");
        }
        this.pool = new HikariDataSource(config);
    }

    public boolean enabled() {
        return pool != null;
    }

    public boolean handles(String feed) {
        return feeds.contains(feed);
    }

    public Set<String> feeds() {
        return feeds;
    }

    /** The exchange table of a feed: {@code ex_} and the feed's name with underscores. */
    public static String table(String feed) {
        return "ex_" + feed.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /**
     * The exchange tables the script creates ({@code CREATE TABLE IF NOT EXISTS ex_…}); empty where the script cannot
     * be read here (a DBA made the tables by hand).
     */
    public Set<String> tables() {
        if (!Files.isReadable(ddl)) {
            return Set.of();
        }
        try {
            Set<String> tables = new LinkedHashSet<>();
            Matcher create = CREATE_TABLE.matcher(Files.readString(ddl));
            while (create.find()) {
                tables.add(create.group(1).toLowerCase(Locale.ROOT));
            }
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DataSource dataSource() {
        if (pool == null) {
            throw new IllegalStateException("no exchange database: hub.exchange.db.feeds is empty");
        }
        return pool;
    }

    /**
     * Creates missing exchange tables with the script a DBA may also run by hand (every statement is
     * {@code CREATE TABLE IF NOT EXISTS}). Tried at start and, while the database was unreachable, at each health
     * check until it succeeds.
     */
    public void ensureTables() {
        if (pool == null || !createTables || tablesChecked.get()) {
            return;
        }
        if (!Files.isReadable(ddl)) {
            throw new IllegalStateException("exchange table script not found: " + ddl);
        }
        try (Connection c = pool.getConnection()) {
            ScriptUtils.executeSqlScript(c, new FileSystemResource(ddl));
            tablesChecked.set(true);
            log.info("exchange database: tables of {} present ({})", ddl.getFileName(), feeds);
        } catch (SQLException | ScriptException e) {
            log.warn("exchange database: tables not checked yet ({}); retried at the next health check", e.getMessage());
        }
    }

    @Override
    public Health health() {
        if (pool == null) {
            return Health.up().withDetail("feeds", "none").build();
        }
        try (Connection c = pool.getConnection()) {
            if (!c.isValid(2)) {
                return Health.down().withDetail("feeds", feeds).withDetail("error", "connection not valid").build();
            }
        } catch (SQLException e) {
            return Health.down().withDetail("feeds", feeds).withDetail("error", e.getMessage()).build();
        }
        ensureTables();
        return Health.up().withDetail("feeds", feeds).build();
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
