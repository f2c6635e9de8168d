package cn.gov.sd.pilotzone.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's counterpart of the MySQL/MariaDB triggers that keep {@code audit_event} append-only
 * (db/h2/V12__audit_event_append_only.sql): every UPDATE or DELETE of a row fails, with the same SQL state and
 * message as MariaDB's SIGNAL. Public only because H2 instantiates it by name.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only", "45000");
    }
}
