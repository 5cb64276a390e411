-- Reporting (dk.borgerflow.reporting), versions V40-V49.
--
-- Spring Modulith 1.4's JPA event publication registry (spring-modulith-events-jpa,
-- JpaEventPublication): one row per event and listener, written in the transaction that published
-- the event, completed (here: deleted, spring.modulith.events.completion-mode=delete) when the
-- listener succeeded. Rows left incomplete are delivered again (ReportingProjection).
create table event_publication (
    id                uuid          primary key,
    listener_id       varchar(512)  not null,
    event_type        varchar(512)  not null,
    serialized_event  varchar(4000) not null,
    publication_date  timestamp with time zone not null,
    completion_date   timestamp with time zone
);
create index ix_event_publication_incomplete on event_publication (completion_date, publication_date);

-- The read model: one row per inquiry, without personal data. citizen_key is a keyed hash
-- (HMAC-SHA256, borgerflow.reporting.pseudonym-key) of CPR number, phone or e-mail.
-- prev_contact_at / next_contact_at: the nearest earlier / later inquiry of the same citizen about
-- the same topic (repeat contacts; maintained by the projection with min/max, so order does not matter).
create table report_inquiry (
    id                        varchar(36)  primary key,
    source_version            bigint       not null,
    municipality              varchar(63)  not null,
    channel                   varchar(16)  not null,
    topic                     varchar(63)  not null,
    received_at               timestamp with time zone not null,
    received_day              date         not null,
    status                    varchar(12)  not null,
    outcome                   varchar(40),
    first_tier                varchar(20)  not null,
    tier                      varchar(20)  not null,
    resolved_at               timestamp with time zone,
    closed_at                 timestamp with time zone,
    due_at                    timestamp with time zone,
    resolved_at_first_tier    boolean      not null,
    deadline_met              boolean,
    handling_seconds          bigint,
    handling_working_seconds  bigint,
    warnings                  integer      not null,
    escalations               integer      not null,
    digitally_exempt          boolean      not null,
    aged_75_plus              boolean      not null,
    needs_interpreter         boolean      not null,
    citizen_key               varchar(64),
    prev_contact_at           timestamp with time zone,
    next_contact_at           timestamp with time zone
);
create index ix_report_inquiry_municipality_day on report_inquiry (municipality, received_day);
create index ix_report_inquiry_citizen_topic on report_inquiry (citizen_key, topic, received_at);
create index ix_report_inquiry_open on report_inquiry (status, municipality);

create table report_escalation (
    inquiry_id    varchar(36)  not null,
    position      integer      not null,
    municipality  varchar(63)  not null,
    received_day  date         not null,
    at            timestamp with time zone not null,
    from_tier     varchar(20)  not null,
    to_tier       varchar(20)  not null,
    primary key (inquiry_id, position)
);
create index ix_report_escalation_municipality_day on report_escalation (municipality, received_day);

-- Consultees that had to answer: answered in time, late, or not at all.
create table report_consultee (
    consultee_id     varchar(36)  primary key,
    consultation_id  varchar(36)  not null,
    municipality     varchar(63)  not null,
    deadline_at      timestamp with time zone,
    answered_at      timestamp with time zone,
    in_time          boolean,
    answered         boolean      not null,
    at_day           date         not null
);
create index ix_report_consultee_municipality_day on report_consultee (municipality, at_day);
