-- Province (issue 11, docs/province.md, docs/indicators.md).

-- Actual values of the zones' targets from the indicators feed: one value per zone, indicator and period
-- (YYYY or YYYY-MM); a re-sent period replaces the value.
CREATE TABLE indicator_value (
  zone_id        VARCHAR(32)   NOT NULL,
  indicator_code VARCHAR(64)   NOT NULL,
  period         VARCHAR(7)    NOT NULL,
  actual_value   DECIMAL(24,6) NOT NULL,
  file_name      VARCHAR(255),
  updated_at     TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (zone_id, indicator_code, period)
);

-- The cluster (集群代码 of config/province/clusters.yml) an enterprise belongs to, optional.
ALTER TABLE enterprise ADD COLUMN cluster_code VARCHAR(64);
CREATE INDEX ix_enterprise_cluster ON enterprise (cluster_code);

-- A zone's designation (zoneDesignation): where it stands, written by the process's steps.
CREATE TABLE zone_designation (
  zone_id             VARCHAR(32)   NOT NULL PRIMARY KEY,
  status              VARCHAR(16)   NOT NULL,
  batch               VARCHAR(64),
  process_instance_id VARCHAR(64),
  theme               VARCHAR(1000),
  mean_score          DECIMAL(5,2),
  listed_on           DATE,
  consecutive_fails   INT           NOT NULL,
  reasons             VARCHAR(2000),
  updated_at          TIMESTAMP(3)  NOT NULL
);

-- The yearly evaluations of a listed zone (动态管理): the city's report and the province's rating.
CREATE TABLE zone_evaluation (
  zone_id     VARCHAR(32)   NOT NULL,
  eval_year   INT           NOT NULL,
  report      VARCHAR(4000),
  reported_by VARCHAR(64),
  rating      VARCHAR(8),
  rated_by    VARCHAR(64),
  rated_at    TIMESTAMP(3),
  PRIMARY KEY (zone_id, eval_year)
);
