-- MySQL/MariaDB only (the mysql and mariadb profiles add this location): the audit trail refuses UPDATE and DELETE
-- whoever asks, the hub's own account included. H2 (development, tests) has no such trigger: there only the code's
-- lack of an update or delete path keeps it append-only.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
