-- Exchange tables of the front-end database (前置库), MySQL 8 / MariaDB 10.6+ (docs/exchange-database.md).
-- The hub runs this script itself where tables are missing (hub.exchange.db.create-tables, default true); a DBA can
-- run it by hand instead: mysql -h <host> -u <user> -p <exchange database> < config/exchange-tables.sql
-- Never in the hub's own database.
--
-- Inbound tables (the bureau writes, the hub reads): the feed's columns as text, exactly as in the feed's CSV file,
-- so the hub checks and reports them as it does a file's cells; plus
--   ex_id      numbering of the rows (the hub reads a batch in this order)
--   ex_batch   rows of one batch belong together, like the rows of one file
--   ex_status  the sender writes NEW; the hub sets DONE or ERROR
--   ex_message the reason of an ERROR, Chinese and English
--   ex_done_at when the hub set the status (UTC)

CREATE TABLE IF NOT EXISTS ex_enterprises (
  ex_id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ex_batch        VARCHAR(64)   NOT NULL,
  ex_status       VARCHAR(8)    NOT NULL DEFAULT 'NEW',
  ex_message      VARCHAR(1000),
  ex_done_at      DATETIME,
  uscc            VARCHAR(32),
  enterprise_name VARCHAR(200),
  county_code     VARCHAR(16),
  industry        VARCHAR(100),
  above_scale     VARCHAR(8),
  bank_name       VARCHAR(200),
  account_name    VARCHAR(200),
  account_no      VARCHAR(64),
  mu_class        VARCHAR(8),
  INDEX ix_ex_enterprises_status (ex_status, ex_batch)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS ex_credit_records (
  ex_id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ex_batch        VARCHAR(64)   NOT NULL,
  ex_status       VARCHAR(8)    NOT NULL DEFAULT 'NEW',
  ex_message      VARCHAR(1000),
  ex_done_at      DATETIME,
  uscc            VARCHAR(32),
  enterprise_name VARCHAR(200),
  record_type     VARCHAR(100),
  listed_on       VARCHAR(10),
  removed_on      VARCHAR(10),
  INDEX ix_ex_credit_records_status (ex_status, ex_batch)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS ex_recognition_lists (
  ex_id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ex_batch        VARCHAR(64)   NOT NULL,
  ex_status       VARCHAR(8)    NOT NULL DEFAULT 'NEW',
  ex_message      VARCHAR(1000),
  ex_done_at      DATETIME,
  uscc            VARCHAR(32),
  enterprise_name VARCHAR(200),
  policy_code     VARCHAR(64),
  recognized_on   VARCHAR(10),
  INDEX ix_ex_recognition_lists_status (ex_status, ex_batch)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS ex_operation_data (
  ex_id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ex_batch        VARCHAR(64)   NOT NULL,
  ex_status       VARCHAR(8)    NOT NULL DEFAULT 'NEW',
  ex_message      VARCHAR(1000),
  ex_done_at      DATETIME,
  uscc            VARCHAR(32),
  period          VARCHAR(7),
  revenue         VARCHAR(32),
  profit          VARCHAR(32),
  electricity_kwh VARCHAR(32),
  tax             VARCHAR(32),
  INDEX ix_ex_operation_data_status (ex_status, ex_batch)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS ex_payment_receipts (
  ex_id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ex_batch        VARCHAR(64)   NOT NULL,
  ex_status       VARCHAR(8)    NOT NULL DEFAULT 'NEW',
  ex_message      VARCHAR(1000),
  ex_done_at      DATETIME,
  payment_id      VARCHAR(64),
  status          VARCHAR(16),
  paid_on         VARCHAR(10),
  bank_reference  VARCHAR(100),
  message         VARCHAR(500),
  INDEX ix_ex_payment_receipts_status (ex_status, ex_batch)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS ex_indicators (
  ex_id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ex_batch        VARCHAR(64)   NOT NULL,
  ex_status       VARCHAR(8)    NOT NULL DEFAULT 'NEW',
  ex_message      VARCHAR(1000),
  ex_done_at      DATETIME,
  zone_id         VARCHAR(64),
  indicator_code  VARCHAR(64),
  period          VARCHAR(16),
  `value`         VARCHAR(32),   -- quoted: a keyword in some databases
  INDEX ix_ex_indicators_status (ex_status, ex_batch)
) DEFAULT CHARSET = utf8mb4;

-- Outbound tables (the hub writes, the bureau reads): each payment_id / application_id in exactly one row. ex_batch
-- is the hub's batch (the name of the matching CSV file without .csv); ex_created_at when the row was written (UTC).

CREATE TABLE IF NOT EXISTS ex_payment_instructions (
  ex_id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ex_batch        VARCHAR(64)   NOT NULL,
  ex_created_at   DATETIME      NOT NULL,
  payment_id      VARCHAR(64)   NOT NULL,
  application_id  VARCHAR(64)   NOT NULL,
  uscc            VARCHAR(32)   NOT NULL,
  enterprise_name VARCHAR(200)  NOT NULL,
  policy_code     VARCHAR(64)   NOT NULL,
  amount          DECIMAL(18,2) NOT NULL,
  bank_name       VARCHAR(200),
  account_name    VARCHAR(200),
  account_no      VARCHAR(64),
  approved_on     DATE          NOT NULL,
  CONSTRAINT uk_ex_payment_instructions UNIQUE (payment_id)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS ex_application_results (
  ex_id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ex_batch        VARCHAR(64)   NOT NULL,
  ex_created_at   DATETIME      NOT NULL,
  application_id  VARCHAR(64)   NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  amount          DECIMAL(18,2),
  reasons         VARCHAR(4000),
  CONSTRAINT uk_ex_application_results UNIQUE (application_id)
) DEFAULT CHARSET = utf8mb4;
