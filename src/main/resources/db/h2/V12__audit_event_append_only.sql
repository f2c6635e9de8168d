-- H2 only (the default flyway location db/{vendor} is db/h2 on H2): the audit trail refuses UPDATE and DELETE
-- whoever asks, as db/mysql/V11 makes MySQL/MariaDB do. H2 has no SIGNAL; its triggers are Java classes.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
  CALL 'cn.gov.sd.pilotzone.audit.AppendOnlyTrigger';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
  CALL 'cn.gov.sd.pilotzone.audit.AppendOnlyTrigger';
