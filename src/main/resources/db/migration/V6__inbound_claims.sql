-- Issue 6 (crash safety, several nodes): inbound files are claimed in inbound_claim instead of Camel's
-- CAMEL_MESSAGEPROCESSED. A claim belongs to a running hub node (hub_node, with a heartbeat); the claim of a node
-- that stopped beating can be taken over, so a file whose node was killed is processed again, not stranded.
-- state APPLIED is written in the same transaction as the file's effect: a file found APPLIED is only archived.
CREATE TABLE hub_node (
  node_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
  host         VARCHAR(255)  NOT NULL,
  started_at   TIMESTAMP(3)  NOT NULL,
  heartbeat_at TIMESTAMP(3)  NOT NULL
);

CREATE TABLE inbound_claim (
  claim_id    CHAR(64)      NOT NULL PRIMARY KEY,  -- SHA-256 (hex) of file_key: a file name may be long
  feed        VARCHAR(64)   NOT NULL,
  file_key    VARCHAR(1000) NOT NULL,              -- <feed>/<name>-<size>-<modified>
  node_id     VARCHAR(64)   NOT NULL,
  state       VARCHAR(16)   NOT NULL,              -- CLAIMED | APPLIED
  claimed_at  TIMESTAMP(3)  NOT NULL,
  applied_at  TIMESTAMP(3)
);

DROP TABLE CAMEL_MESSAGEPROCESSED;
