-- The unread badge on every page counts a person's and their bureaus' unread notices (notice.Notices.unread):
-- with these the count reads only the unread ones, however many notices a year leaves.
CREATE INDEX ix_hub_notice_user_unread ON hub_notice (username, read_at);
CREATE INDEX ix_hub_notice_bureau_unread ON hub_notice (bureau_code, read_at);
