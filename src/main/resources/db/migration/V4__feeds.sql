-- Issue 4 (bureau data feeds): monthly operation indicators (feed operation-data) and the one-to-one follow-ups
-- (一对一包靠, seed 001 item 14) of enterprises on the fluctuation list. Portable between H2 and MySQL/MariaDB.

-- One row per enterprise and month. A re-sent month replaces the month's values (UPDATE), it never adds a row.
-- month_no = year * 12 + month - 1, so "the same month a year earlier" is month_no - 12 on every database; the
-- primary key starts with it so that the fluctuation query reads one month and looks up the other by key.
CREATE TABLE operation_data (
  month_no        INT           NOT NULL,
  uscc            VARCHAR(18)   NOT NULL,
  period          VARCHAR(7)    NOT NULL,
  revenue         DECIMAL(18,2),
  profit          DECIMAL(18,2),
  electricity_kwh DECIMAL(18,2),
  tax             DECIMAL(18,2),
  updated_at      TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (month_no, uscc)
);

-- The months that have data, one row each. Writers of a month update its row first: the row lock serialises two
-- hub nodes writing the same month (so a re-sent month's replacement never races another file of that month), and
-- "is there data a year earlier" is a key look-up.
CREATE TABLE operation_month (
  month_no   INT          NOT NULL PRIMARY KEY,
  period     VARCHAR(7)   NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL
);

-- At most one follow-up per enterprise and period: the primary key decides, also between hub nodes. A row is
-- registered PENDING in the transaction of the operation-data file that put the enterprise on the list; the
-- enterpriseFollowUp process is started from it (PENDING -> OPEN in the starting transaction).
CREATE TABLE enterprise_follow_up (
  uscc                VARCHAR(18)   NOT NULL,
  period              VARCHAR(7)    NOT NULL,
  county_code         VARCHAR(6),
  candidate_group     VARCHAR(64)   NOT NULL,
  status              VARCHAR(12)   NOT NULL,
  process_instance_id VARCHAR(64),
  revenue_change      DECIMAL(20,4),
  electricity_change  DECIMAL(20,4),
  problems            VARCHAR(2000),
  measures            VARCHAR(2000),
  contact_person      VARCHAR(100),
  contacted_on        DATE,
  handled_by          VARCHAR(64),
  created_at          TIMESTAMP(3)  NOT NULL,
  updated_at          TIMESTAMP(3)  NOT NULL,
  closed_at           TIMESTAMP(3),
  PRIMARY KEY (uscc, period)
);
CREATE INDEX ix_follow_up_status ON enterprise_follow_up (status, created_at);
CREATE INDEX ix_follow_up_period ON enterprise_follow_up (period, county_code);
