-- Two events of one case can share a millisecond (an application submitted and checked in one transaction); the
-- random UUID ids then ordered them by chance. A sequence in insertion order breaks the tie.
ALTER TABLE application_event ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT UNIQUE;
ALTER TABLE zone_event ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT UNIQUE;
-- the newest progress report of a task is its current progress
ALTER TABLE zone_report ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT UNIQUE;
