-- Issue 10 (front-end database): what the hub did with each batch of an exchange table, written in the hub
-- transaction that applied the batch (with its inbound claim's APPLIED mark). The rows' DONE/ERROR in the exchange
-- database are written afterwards from this record, so a crash in between redoes that write, never the batch.
CREATE TABLE exchange_batch (
  claim_id      CHAR(64)      NOT NULL PRIMARY KEY,   -- the batch's inbound claim (inbound_claim.claim_id)
  feed          VARCHAR(64)   NOT NULL,
  ex_batch      VARCHAR(64)   NOT NULL,
  last_ex_id    BIGINT        NOT NULL,               -- the batch is its NEW rows up to this ex_id
  rows_total    INT           NOT NULL,
  rows_error    INT           NOT NULL,
  errors        LONGTEXT,                             -- JSON {ex_id: reason} of the rows set to ERROR
  applied_at    TIMESTAMP(3)  NOT NULL,
  statuses_at   TIMESTAMP(3)                          -- when the rows' statuses were written back
);
CREATE INDEX ix_exchange_batch_feed ON exchange_batch (feed, applied_at);
