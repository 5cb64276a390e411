-- Catch-up after an outage: the job executor acquires due jobs in due-date order
-- (job-executor-acquire-by-due-date, ensure-job-due-date-not-null in application.yml); this index
-- lets its query read from the oldest due job and stop after one acquisition's worth (H2 has no
-- partial indexes; PostgreSQL's version indexes only acquirable jobs). docs/benchmarks.md, "Catch-up".
create index BF_IDX_JOB_ACQUIRE on ACT_RU_JOB (DUEDATE_);
-- Jobs written before ensure-job-due-date-not-null (asynchronous continuations had no due date) would
-- never match "DUEDATE_ <= now": they are due, so they get a date long past (not the database's
-- "now": the engine compares with the JVM's clock, and the two may be in different time zones).
update ACT_RU_JOB set DUEDATE_ = TIMESTAMP '2000-01-01 00:00:00' where DUEDATE_ is null;
