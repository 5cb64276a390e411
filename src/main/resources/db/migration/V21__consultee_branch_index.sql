-- The reply process' delegates find their consultee by the branch's process instance id
-- (ConsultationSteps.consultee), never by a process variable.
create index ix_consultee_branch_process on consultation_consultee (branch_process_id);
