-- Issue 14 (money rules, docs/money-rules.md).
-- What each policy's annual budget (专项资金预算, config/award-budgets.yml) has used: awards committed by finance
-- review and paid. One row per policy and budget year; finance review raises `used` with one conditional UPDATE
-- (used + amount <= budget), so two clerks approving at once cannot both overdraw it.
CREATE TABLE award_budget_use (
  policy_code    VARCHAR(64)   NOT NULL,
  budget_year    INT           NOT NULL,
  used           DECIMAL(15,2) NOT NULL,
  updated_at     TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (policy_code, budget_year)
);

-- Each application's share of it: released when the case is rejected or withdrawn after commitment, PAID once paid.
CREATE TABLE award_budget_commitment (
  application_id VARCHAR(64)   NOT NULL,
  policy_code    VARCHAR(64)   NOT NULL,
  budget_year    INT           NOT NULL,
  amount         DECIMAL(15,2) NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  updated_at     TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (application_id)
);

-- Receipts that need 市财政局's attention: a second PAID receipt with another bank reference (possible double
-- transfer). Shown on the case and the dashboard until a finance clerk resolves it.
CREATE TABLE payment_alert (
  alert_id       BIGINT        NOT NULL AUTO_INCREMENT,
  application_id VARCHAR(64)   NOT NULL,
  payment_id     VARCHAR(40)   NOT NULL,
  kind           VARCHAR(32)   NOT NULL,
  bank_reference VARCHAR(200),
  first_reference VARCHAR(200),
  paid_on        DATE,
  created_at     TIMESTAMP(3)  NOT NULL,
  resolved_at    TIMESTAMP(3),
  PRIMARY KEY (alert_id)
);
CREATE INDEX ix_payment_alert_open ON payment_alert (resolved_at, created_at);
CREATE UNIQUE INDEX ux_payment_alert_receipt ON payment_alert (payment_id, kind, bank_reference);
