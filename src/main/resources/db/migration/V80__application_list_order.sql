-- The application list (GET /api/award-applications, /applications) pages by created_at DESC, application_id DESC.
-- For callers who see every county (gxj, czj, supervisors) no index served that order: each page sorted the whole
-- table, which grows by a year of applications every year (README "Performance", figure 5). County clerks use
-- ix_application_county (county_code, created_at).
CREATE INDEX ix_application_created ON award_application (created_at, application_id);
