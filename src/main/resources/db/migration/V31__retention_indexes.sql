-- GDPR retention (inquiry.CprRetention): the daily cleanup finds closed inquiries and old reads of
-- CPR numbers by time, in batches; without these indexes each batch scans the whole table.
create index ix_inquiry_closed_at on inquiry (closed_at);
create index ix_cpr_access_audit_accessed_at on cpr_access_audit (accessed_at);
