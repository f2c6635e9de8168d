-- Pilot-zone lifecycle (docs/processes.md pilotZoneLifecycle). Portable between H2 and MySQL/MariaDB; times UTC TIMESTAMP(3).
-- The process instance carries the flow; these tables carry what the zone API, the bulletin and the dashboard read.

-- One row per lifecycle run of a zone. running_zone = zone_id while it runs, NULL after: the unique index allows at
-- most one running lifecycle per zone, also when several hub nodes start one at the same moment.
CREATE TABLE zone_lifecycle (
  lifecycle_id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  zone_id              VARCHAR(32)  NOT NULL,
  running_zone         VARCHAR(32),
  process_instance_id  VARCHAR(64),
  coordinator          VARCHAR(64)  NOT NULL,
  phase                VARCHAR(16)  NOT NULL,
  status               VARCHAR(16)  NOT NULL,
  report_period        VARCHAR(32)  NOT NULL,
  implementation_start TIMESTAMP(3),
  implementation_due   TIMESTAMP(3),
  acceptance_start     TIMESTAMP(3),
  first_counties       VARCHAR(2000),
  acceptance_round     INT          NOT NULL,
  acceptance_score     DECIMAL(5,2),
  started_by           VARCHAR(64),
  started_at           TIMESTAMP(3) NOT NULL,
  ended_at             TIMESTAMP(3),
  updated_at           TIMESTAMP(3) NOT NULL
);
CREATE UNIQUE INDEX ux_zone_lifecycle_running ON zone_lifecycle (running_zone);
CREATE INDEX ix_zone_lifecycle_zone ON zone_lifecycle (zone_id, started_at);
CREATE INDEX ix_zone_lifecycle_process ON zone_lifecycle (process_instance_id);

-- The state of each plan task in a lifecycle (titles and bureaus stay in the plan file).
CREATE TABLE zone_task (
  lifecycle_id    VARCHAR(36)  NOT NULL,
  task_code       VARCHAR(32)  NOT NULL,
  seq             INT          NOT NULL,
  status          VARCHAR(24)  NOT NULL,
  progress        INT,
  last_report_at  TIMESTAMP(3),
  last_checked_at TIMESTAMP(3),
  due_at          TIMESTAMP(3),
  done_at         TIMESTAMP(3),
  updated_at      TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (lifecycle_id, task_code)
);

-- Progress reports (进展报送) from the API, the progress-reports feed and task completion.
CREATE TABLE zone_report (
  id           VARCHAR(36)   NOT NULL PRIMARY KEY,
  lifecycle_id VARCHAR(36)   NOT NULL,
  zone_id      VARCHAR(32)   NOT NULL,
  task_code    VARCHAR(32)   NOT NULL,
  bureau       VARCHAR(64)   NOT NULL,
  period       VARCHAR(32)   NOT NULL,
  progress     INT           NOT NULL,
  summary      VARCHAR(4000) NOT NULL,
  issues       VARCHAR(4000),
  source       VARCHAR(16)   NOT NULL,
  reported_by  VARCHAR(64),
  received_at  TIMESTAMP(3)  NOT NULL
);
CREATE INDEX ix_zone_report_task ON zone_report (lifecycle_id, task_code, received_at);

-- Escalations to the supervision team (督办): a missing report, an overdue task, an overdue rectification.
CREATE TABLE zone_escalation (
  id           VARCHAR(36)   NOT NULL PRIMARY KEY,
  lifecycle_id VARCHAR(36)   NOT NULL,
  zone_id      VARCHAR(32)   NOT NULL,
  task_code    VARCHAR(32),
  kind         VARCHAR(24)   NOT NULL,
  raised_at    TIMESTAMP(3)  NOT NULL,
  resolved_at  TIMESTAMP(3),
  resolved_by  VARCHAR(64),
  note         VARCHAR(2000)
);
CREATE INDEX ix_zone_escalation ON zone_escalation (lifecycle_id, task_code, resolved_at);

-- Acceptance results: the counties accepted first (先行先验, kind COUNTY) and each expert's score (kind EXPERT) per round.
CREATE TABLE zone_acceptance (
  lifecycle_id VARCHAR(36)   NOT NULL,
  kind         VARCHAR(8)    NOT NULL,
  round_no     INT           NOT NULL,
  subject      VARCHAR(100)  NOT NULL,
  score        DECIMAL(5,2),
  passed       BOOLEAN,
  remark       VARCHAR(2000),
  recorded_by  VARCHAR(64),
  recorded_at  TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (lifecycle_id, kind, round_no, subject)
);

-- What happened, for the zone's history: phase changes, decisions on tasks, escalations.
CREATE TABLE zone_event (
  id           VARCHAR(36)   NOT NULL PRIMARY KEY,
  lifecycle_id VARCHAR(36)   NOT NULL,
  occurred_at  TIMESTAMP(3)  NOT NULL,
  actor        VARCHAR(64),
  step         VARCHAR(64)   NOT NULL,
  task_code    VARCHAR(32),
  decision     VARCHAR(24),
  remark       VARCHAR(2000)
);
CREATE INDEX ix_zone_event ON zone_event (lifecycle_id, occurred_at);
