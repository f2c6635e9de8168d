package cn.gov.sd.pilotzone.common;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Insert-or-update of many rows, portable between H2 and MySQL/MariaDB (which share no upsert syntax): one batch
 * of UPDATEs, then one batch of INSERTs for the rows no UPDATE matched. Both statements take the same arguments
 * in the same order. Runs in the caller's transaction.
 */
public final class BatchUpsert {

    private BatchUpsert() {
    }

    public static void apply(JdbcTemplate jdbc, String update, String insert, List<Object[]> rows) {
        int[] updated = jdbc.batchUpdate(update, rows);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                inserts.add(rows.get(i));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(insert, inserts);
        }
    }
}
