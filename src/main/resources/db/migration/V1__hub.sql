-- Portable between H2 and MySQL/MariaDB: no auto-increment (ids come from the hub), TIMESTAMP(3) in UTC.

CREATE TABLE enterprise (
  uscc          VARCHAR(18)  NOT NULL PRIMARY KEY,
  name          VARCHAR(200) NOT NULL,
  county_code   VARCHAR(6),
  industry      VARCHAR(100),
  above_scale   BOOLEAN,
  bank_name     VARCHAR(200),
  account_name  VARCHAR(200),
  account_no    VARCHAR(64),
  mu_class      VARCHAR(1),
  updated_at    TIMESTAMP(3) NOT NULL
);

CREATE TABLE credit_record (
  uscc            VARCHAR(18)  NOT NULL,
  record_type     VARCHAR(100) NOT NULL,
  listed_on       DATE         NOT NULL,
  enterprise_name VARCHAR(200),
  removed_on      DATE,
  updated_at      TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (uscc, record_type, listed_on)
);

CREATE TABLE award_application (
  application_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
  uscc                VARCHAR(18)  NOT NULL,
  enterprise_name     VARCHAR(200),
  county_code         VARCHAR(6),
  policy_code         VARCHAR(64)  NOT NULL,
  channel             VARCHAR(8)   NOT NULL,
  event_date          DATE,
  status              VARCHAR(16)  NOT NULL,
  proposed_amount     DECIMAL(15,2),
  approved_amount     DECIMAL(15,2),
  reasons             VARCHAR(4000),
  process_instance_id VARCHAR(64),
  payload             TEXT,
  created_at          TIMESTAMP(3) NOT NULL,
  updated_at          TIMESTAMP(3) NOT NULL
);
CREATE INDEX ix_application_status ON award_application (status, created_at);
CREATE INDEX ix_application_uscc ON award_application (uscc);
CREATE INDEX ix_application_county ON award_application (county_code, created_at);

CREATE TABLE application_event (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  application_id VARCHAR(64)  NOT NULL,
  occurred_at    TIMESTAMP(3) NOT NULL,
  actor          VARCHAR(64),
  step           VARCHAR(64)  NOT NULL,
  decision       VARCHAR(16),
  remark         VARCHAR(2000),
  amount         DECIMAL(15,2)
);
CREATE INDEX ix_event_application ON application_event (application_id, occurred_at);

-- One award per enterprise, policy and event year, whichever channel came first: the row is reserved by the
-- automated checks, released when the application is rejected or withdrawn, and marked PAID at the end.
CREATE TABLE award_ledger (
  uscc           VARCHAR(18)  NOT NULL,
  policy_code    VARCHAR(64)  NOT NULL,
  event_year     INT          NOT NULL,
  application_id VARCHAR(64)  NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  amount         DECIMAL(15,2),
  payment_id     VARCHAR(40),
  paid_on        DATE,
  updated_at     TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (uscc, policy_code, event_year)
);

CREATE TABLE payment_instruction (
  payment_id      VARCHAR(40)  NOT NULL PRIMARY KEY,
  application_id  VARCHAR(64)  NOT NULL,
  uscc            VARCHAR(18)  NOT NULL,
  enterprise_name VARCHAR(200),
  policy_code     VARCHAR(64)  NOT NULL,
  amount          DECIMAL(15,2) NOT NULL,
  bank_name       VARCHAR(200),
  account_name    VARCHAR(200),
  account_no      VARCHAR(64),
  approved_on     DATE,
  status          VARCHAR(12)  NOT NULL,
  paid_on         DATE,
  bank_reference  VARCHAR(100),
  message         VARCHAR(1000),
  created_at      TIMESTAMP(3) NOT NULL,
  updated_at      TIMESTAMP(3) NOT NULL
);
CREATE INDEX ix_payment_application ON payment_instruction (application_id);

-- Transactional outbox for every outbound feed: items are added in the business transaction, claimed into a
-- batch by one atomic UPDATE (so each item lands in exactly one batch, also with several nodes), then written.
CREATE TABLE outbox_item (
  id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  feed       VARCHAR(64)  NOT NULL,
  item_key   VARCHAR(100) NOT NULL,
  payload    TEXT         NOT NULL,
  batch_id   VARCHAR(64),
  created_at TIMESTAMP(3) NOT NULL
);
CREATE INDEX ix_outbox_pending ON outbox_item (feed, batch_id);

CREATE TABLE outbox_batch (
  batch_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
  feed       VARCHAR(64)  NOT NULL,
  rows_total INT          NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  written_at TIMESTAMP(3)
);
CREATE INDEX ix_outbox_unwritten ON outbox_batch (feed, written_at);

CREATE TABLE feed_file (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  feed         VARCHAR(64)  NOT NULL,
  file_name    VARCHAR(255) NOT NULL,
  stored_name  VARCHAR(300),
  direction    VARCHAR(3)   NOT NULL,
  status       VARCHAR(12)  NOT NULL,
  rows_total   INT,
  rows_applied INT,
  reason       VARCHAR(4000),
  occurred_at  TIMESTAMP(3) NOT NULL
);
CREATE INDEX ix_feed_file ON feed_file (feed, occurred_at);

CREATE TABLE hub_user (
  username      VARCHAR(64)  NOT NULL PRIMARY KEY,
  password_hash VARCHAR(100) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  bureau_code   VARCHAR(64),
  display_name  VARCHAR(100),
  enabled       BOOLEAN      NOT NULL,
  failed_logins INT          NOT NULL,
  locked_until  TIMESTAMP(3)
);

-- Camel's JdbcMessageIdRepository: the shared record of inbound files already claimed by some hub node.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
  processorName VARCHAR(100) NOT NULL,
  messageId     VARCHAR(255) NOT NULL,
  createdAt     TIMESTAMP(3),
  PRIMARY KEY (processorName, messageId)
);
