package cn.gov.sd.pilotzone.bench;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of finished applications, written fast as copies of a few real ones (figure 5). The templates are
 * applications the hub itself took from file to end (files, the clerks' API, the notice timer, the finance receipt),
 * so every row the hub and Flowable write for a finished application exists in its real shape: the hub's rows that
 * name the application, its enterprise or its process instance (application, events, ledger, payment, enterprise,
 * and whatever tables later work adds), and Flowable's history of the instance ({@code ACT_HI_*}, with the byte
 * arrays its variables point to). Each copy gets new identifiers (every key value of the template replaced, the
 * enterprise a fresh USCC) and its times moved back, the copies spread evenly over the year before now. JDBC
 * batches, one connection: 100,000 applications in minutes, where driving them through the engine (four
 * transactions each, about 150 a second on this machine) would take most of an hour. Read-side figures only ever
 * see these rows as a year of history, which is what they are.
 */
final class YearOfData {

    private static final int BATCH = 500;

    /** One table's rows of one template: the columns written (auto-increment left out) and the values. */
    private record TemplateRows(String table, List<String> columns, List<Integer> types, List<Object[]> rows) {
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    YearOfData(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * {"templates": [applicationId…], "usccs": [one fresh USCC per copy], "offset": 0, "total": 100000, "days": 365}:
     * as many copies as USCCs, numbered from the offset (copies are made in chunks), round-robin over the templates,
     * spread over the days before now as copies offset…offset+n of total. Answers the copies made, the rows
     * written and the seconds taken.
     */
    Map<String, Object> clone(JsonNode body) {
        List<String> templates = new ArrayList<>();
        body.get("templates").forEach(t -> templates.add(t.asText()));
        List<String> usccs = new ArrayList<>();
        body.get("usccs").forEach(u -> usccs.add(u.asText()));
        int days = body.path("days").asInt(365);
        int offset = body.path("offset").asInt(0);
        int total = body.path("total").asInt(usccs.size());
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = tables(c);
            List<Template> read = new ArrayList<>();
            for (String applicationId : templates) {
                read.add(template(c, tables, applicationId));
            }
            long rows = write(c, read, usccs, offset, total, days);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("copies", usccs.size());
            result.put("rows", rows);
            result.put("seconds", BenchAgent.seconds(start));
            result.put("rowsPerCopy", read.stream().map(t -> t.applicationId + ": " + t.rowsByTable()).toList());
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A template application: its rows in every table, and the key values a copy must replace. */
    private static final class Template {
        final String applicationId;
        final String uscc;
        final Set<String> keys = new HashSet<>();
        final List<TemplateRows> tables = new ArrayList<>();

        Template(String applicationId, String uscc) {
            this.applicationId = applicationId;
            this.uscc = uscc;
        }

        Map<String, Integer> rowsByTable() {
            Map<String, Integer> m = new LinkedHashMap<>();
            tables.forEach(t -> m.put(t.table(), t.rows().size()));
            return m;
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private Template template(Connection c, List<String> tables, String applicationId) throws SQLException {
        Map<String, Object> app = jdbc.queryForMap("SELECT uscc, process_instance_id FROM award_application "
                + "WHERE application_id = ?", applicationId);
        Template t = new Template(applicationId, (String) app.get("uscc"));
        String processInstanceId = (String) app.get("process_instance_id");
        t.keys.add(applicationId);
        t.keys.add(processInstanceId);
        List<String> history = tables.stream().filter(n -> upper(n).startsWith("ACT_HI_")).toList();
        // the instance's own rows first; their ids name its tasks, whose links and comments come next
        Set<String> taskIds = new HashSet<>(jdbc.queryForList("SELECT ID_ FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?",
                String.class, processInstanceId));
        Set<String> byteArrays = new HashSet<>();
        for (String table : history) {
            Set<String> columns = columns(c, table);
            List<String> where = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            if (columns.contains("PROC_INST_ID_")) {
                where.add("PROC_INST_ID_ = ?");
                args.add(processInstanceId);
            }
            if (columns.contains("TASK_ID_") && !taskIds.isEmpty()) {
                where.add("TASK_ID_ IN (" + String.join(",", taskIds.stream().map(x -> "?").toList()) + ")");
                args.addAll(taskIds);
            }
            if (columns.contains("SCOPE_ID_") && columns.contains("SCOPE_TYPE_")) {
                where.add("(SCOPE_ID_ = ? AND SCOPE_TYPE_ = 'bpmn')");
                args.add(processInstanceId);
            }
            if (where.isEmpty()) {
                continue;
            }
            TemplateRows rows = rows(c, table, "SELECT * FROM " + table + " WHERE " + String.join(" OR ", where),
                    args);
            addKeys(t, rows, "ID_");
            int bytes = rows.columns().indexOf("BYTEARRAY_ID_");
            if (bytes >= 0) {
                rows.rows().stream().map(r -> r[bytes]).filter(v -> v != null).forEach(v -> byteArrays.add((String) v));
            }
            add(t, rows);
        }
        if (!byteArrays.isEmpty()) {
            TemplateRows rows = rows(c, "ACT_GE_BYTEARRAY", "SELECT * FROM ACT_GE_BYTEARRAY WHERE ID_ IN ("
                    + String.join(",", byteArrays.stream().map(x -> "?").toList()) + ")", new ArrayList<>(byteArrays));
            addKeys(t, rows, "ID_");
            add(t, rows);
        }
        for (String table : tables) {
            String name = upper(table);
            if (name.startsWith("ACT_") || name.startsWith("FLW_") || name.startsWith("CAMEL_")
                    || name.startsWith("FLYWAY") || name.equals("OPERATION_DATA")) {
                continue;
            }
            TemplateRows rows = hubRows(c, table, List.of(applicationId, t.uscc, processInstanceId));
            if (rows != null) {
                List<String> primaryKey = primaryKeys(c, table);
                if (primaryKey.size() == 1) { // a composite key's parts (a policy code) are not identifiers
                    addKeys(t, rows, primaryKey.get(0));
                }
                add(t, rows);
            }
        }
        return t;
    }

    private static void add(Template t, TemplateRows rows) {
        if (!rows.rows().isEmpty()) {
            t.tables.add(rows);
        }
    }

    /** A hub table's rows where any text column holds one of the values; null when none does. */
    private TemplateRows hubRows(Connection c, String table, List<String> values) throws SQLException {
        TemplateRows probe = rows(c, table, "SELECT * FROM " + table + " WHERE 1 = 0", List.of());
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < probe.columns().size(); i++) {
            int type = probe.types().get(i);
            if (type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR) {
                where.add(probe.columns().get(i) + " IN (?,?,?)");
                args.addAll(values);
            }
        }
        if (where.isEmpty()) {
            return null;
        }
        TemplateRows rows = rows(c, table, "SELECT * FROM " + table + " WHERE " + String.join(" OR ", where), args);
        return rows.rows().isEmpty() ? null : rows;
    }

    private static void addKeys(Template t, TemplateRows rows, String column) {
        int i = indexOf(rows.columns(), column);
        if (i >= 0) {
            rows.rows().stream().map(r -> r[i]).filter(v -> v instanceof String).forEach(v -> t.keys.add((String) v));
        }
    }

    private static int indexOf(List<String> columns, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(upper(meta.getColumnLabel(i)));
            }
        }
        return columns;
    }

    private static List<String> primaryKeys(Connection c, String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(c.getCatalog(), c.getSchema(), table)) {
            while (rs.next()) {
                keys.add(rs.getString("COLUMN_NAME"));
            }
        }
        return keys;
    }

    /** The rows a query finds, every column but auto-increment ones, large objects read as bytes or text. */
    private static TemplateRows rows(Connection c, String table, String sql, List<?> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                List<Integer> types = new ArrayList<>();
                List<Integer> indexes = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (!meta.isAutoIncrement(i)) {
                        columns.add(meta.getColumnLabel(i));
                        types.add(meta.getColumnType(i));
                        indexes.add(i);
                    }
                }
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[indexes.size()];
                    for (int j = 0; j < row.length; j++) {
                        row[j] = value(rs.getObject(indexes.get(j)));
                    }
                    rows.add(row);
                }
                return new TemplateRows(table, columns, types, rows);
            }
        }
    }

    private static Object value(Object v) throws SQLException {
        if (v instanceof Blob b) {
            return b.getBytes(1, (int) b.length());
        }
        if (v instanceof Clob c) {
            return c.getSubString(1, (int) c.length());
        }
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        return v;
    }

    private long write(Connection c, List<Template> templates, List<String> usccs, int offset, int total, int days) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
        long written = 0;
        long spanMinutes = days * 24L * 60;
        try {
            for (int k = 0; k < usccs.size(); k++) {
                int copy = offset + k;
                Template t = templates.get(copy % templates.size());
                Map<String, String> replace = new HashMap<>();
                for (String key : t.keys) {
                    replace.put(key, newKey(key, copy));
                }
                replace.put(t.uscc, usccs.get(k));
                long back = spanMinutes * copy / total;
                for (TemplateRows rows : t.tables) {
                    PreparedStatement ps = inserts.get(rows.table());
                    if (ps == null) {
                        ps = c.prepareStatement("INSERT INTO " + rows.table() + " (" + String.join(",", rows.columns())
                                + ") VALUES (" + String.join(",", rows.columns().stream().map(x -> "?").toList()) + ")");
                        inserts.put(rows.table(), ps);
                    }
                    for (Object[] row : rows.rows()) {
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 1, copy(row[i], replace, back));
                        }
                        ps.addBatch();
                        written++;
                    }
                }
                if ((k + 1) % BATCH == 0 || k == usccs.size() - 1) {
                    // parents before children is not needed: the history tables have no foreign keys
                    for (PreparedStatement ps : inserts.values()) {
                        ps.executeBatch();
                    }
                    c.commit();
                }
            }
        } finally {
            for (PreparedStatement ps : inserts.values()) {
                ps.close();
            }
            c.setAutoCommit(autoCommit);
        }
        return written;
    }

    private static Object copy(Object v, Map<String, String> replace, long minutesBack) {
        if (v instanceof String s) {
            return replace.getOrDefault(s, s);
        }
        if (v instanceof LocalDateTime t) {
            return t.minusMinutes(minutesBack);
        }
        if (v instanceof LocalDate d) {
            return d.minusDays(minutesBack / (24 * 60));
        }
        return v;
    }

    /**
     * A key of copy k: a long key (a UUID) keeps its length (columns are sized to it), its tail replaced by the
     * copy's number; a short one (an application id) gets the number appended.
     */
    static String newKey(String key, int k) {
        String tail = String.format(Locale.ROOT, "y%08d", k);
        return key.length() >= 20 ? key.substring(0, key.length() - tail.length()) + tail : key + tail;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
