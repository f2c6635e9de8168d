-- Issue 6 (benchmark): every automated check releases the application's reservation with
-- DELETE FROM award_ledger WHERE application_id = ? AND status = 'RESERVED'. Without an index that statement reads
-- (and on InnoDB locks) the whole ledger: it grows slower with every award, and two applications checked at the
-- same time (API and inbox, or two hub nodes) deadlocked on MariaDB in the benchmark.
CREATE INDEX ix_award_ledger_application ON award_ledger (application_id);
