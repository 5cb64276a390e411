-- The agent queue (Tasklist's "Min gruppes opgaver", by due date) reads the first page of tasks in
-- due-date order and stops there (TaskPageSemiJoinPlugin): without this index the database sorts
-- all of a tenant's candidate tasks first. Camunda has no index on DUE_DATE_ (docs/benchmarks.md).
create index BF_IDX_TASK_DUE on ACT_RU_TASK (DUE_DATE_);
