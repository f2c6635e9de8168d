-- The task list's read model (task.TaskInbox, docs/processes.md "Task inbox"): one row per open, unclaimed task and
-- candidate group, written in the engine's transaction whenever a command creates, claims, hands back or deletes a
-- task or changes its groups. A clerk's page of 100 is then a range of this index, where it was a look-up of every
-- one of the bureau's candidate links in ACT_RU_TASK (834 per county in the benchmark). Filled from the engine's
-- tables at start (TaskInbox.repair), so an older database gains it without a migration reading ACT_* tables.
CREATE TABLE task_inbox (
  task_id    VARCHAR(64)  NOT NULL,
  group_id   VARCHAR(255) NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (task_id, group_id)
);
CREATE INDEX ix_task_inbox_group ON task_inbox (group_id, created_at, task_id);
