-- The task inbox is joined with Flowable's ACT_RU_TASK on the task's id. Flowable creates its tables in utf8mb3
-- (utf8_bin); in the database's utf8mb4 the join compared converted values, so MariaDB could not drive it from the
-- page's 100 ids and read all of ACT_RU_TASK for each page instead (seen in the benchmark: seconds per list).
ALTER TABLE task_inbox CONVERT TO CHARACTER SET utf8mb3 COLLATE utf8mb3_bin;
