-- Catch-up after an outage: the job executor acquires due jobs in due-date order
-- (job-executor-acquire-by-due-date, ensure-job-due-date-not-null in application.yml), so its query
-- "RETRIES_ > 0 and DUEDATE_ <= now and SUSPENSION_STATE_ = 1 ... order by DUEDATE_" reads this
-- index from the oldest due job and stops after one acquisition's worth, however many are due;
-- without it every acquisition scanned the job table (docs/benchmarks.md, "Catch-up").
create index BF_IDX_JOB_ACQUIRE on ACT_RU_JOB (DUEDATE_) where RETRIES_ > 0 and SUSPENSION_STATE_ = 1;
-- Jobs written before ensure-job-due-date-not-null (asynchronous continuations had no due date) would
-- never match "DUEDATE_ <= now": they are due, so they get a date long past (not the database's
-- "now": the engine compares with the JVM's clock, and the two may be in different time zones).
update ACT_RU_JOB set DUEDATE_ = TIMESTAMP '2000-01-01 00:00:00' where DUEDATE_ is null;
