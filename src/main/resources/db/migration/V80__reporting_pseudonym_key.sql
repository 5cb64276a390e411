-- Reporting (dk.borgerflow.reporting), versions V80-V89.
--
-- Secrets of the reports, one per installation, shared by every node: the pseudonym key (HMAC-SHA256
-- key of the read model's citizen_key) when BORGERFLOW_REPORTING_PSEUDONYM_KEY is not set. Written
-- once by the first node that needs it (insert if absent, then every node reads the stored row).
create table if not exists report_secret (
    name        varchar(63)  primary key,
    secret      varchar(128) not null,
    created_at  timestamp with time zone not null
);
