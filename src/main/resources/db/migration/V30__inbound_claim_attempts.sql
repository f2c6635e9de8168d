-- Issue 14 (no file can stop a feed): how many times a file was taken. A file in work when its hub node died is
-- taken over (attempts + 1); past hub.exchange.max-attempts it is quarantined to error/ instead of killing the
-- hub again (docs/intake.md).
ALTER TABLE inbound_claim ADD COLUMN attempts INT DEFAULT 1 NOT NULL;
