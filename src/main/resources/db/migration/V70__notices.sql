-- In-app notices (docs/notices.md): new, returned, due-soon, overdue and reminded work, per bureau (candidate group)
-- or per person. dedup_key makes the due sweep's notices once per task, kind and due date, also with several nodes.
CREATE TABLE hub_notice (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  bureau_code         VARCHAR(64),
  username            VARCHAR(64),
  kind                VARCHAR(16)  NOT NULL,
  task_id             VARCHAR(64),
  task_name           VARCHAR(255),
  process_key         VARCHAR(255),
  process_instance_id VARCHAR(64),
  business_key        VARCHAR(255),
  due_at              TIMESTAMP(3),
  actor               VARCHAR(64),
  note                VARCHAR(500),
  created_at          TIMESTAMP(3) NOT NULL,
  read_at             TIMESTAMP(3),
  mailed_at           TIMESTAMP(3),
  dedup_key           VARCHAR(200),
  CONSTRAINT uq_hub_notice_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_hub_notice_bureau ON hub_notice (bureau_code, created_at);
CREATE INDEX ix_hub_notice_user ON hub_notice (username, created_at);
CREATE INDEX ix_hub_notice_task ON hub_notice (task_id);
CREATE INDEX ix_hub_notice_mail ON hub_notice (mailed_at);

-- Where a person's notices are mailed (optional)
ALTER TABLE hub_user ADD COLUMN email VARCHAR(200);
