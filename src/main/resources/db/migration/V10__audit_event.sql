-- The audit trail (docs/security.md): append-only, one row per security- or money-relevant event. Not tied to
-- Flowable's history, so cleaning up cases never removes a row. The code has no UPDATE or DELETE of it; on
-- MySQL/MariaDB a trigger refuses both (db/mysql/V11__audit_event_append_only.sql).
CREATE TABLE audit_event (
  id          BIGINT        AUTO_INCREMENT PRIMARY KEY,
  occurred_at TIMESTAMP(3)  NOT NULL,
  actor       VARCHAR(100)  NOT NULL,
  client_ip   VARCHAR(64),
  event_type  VARCHAR(32)   NOT NULL,
  target      VARCHAR(500),
  details     VARCHAR(2000)
);
CREATE INDEX audit_event_time ON audit_event (occurred_at);
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_type ON audit_event (event_type, occurred_at);

-- Accounts made by demo mode, so that a start without demo data disables them (security.DemoAccountGuard)
ALTER TABLE hub_user ADD COLUMN demo BOOLEAN DEFAULT FALSE NOT NULL;
