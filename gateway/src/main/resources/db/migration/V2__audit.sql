-- The audit trail: append-only and hash-chained. Each record's hash covers its content and the
-- previous record's hash, so altering, deleting, inserting or reordering any record breaks the chain
-- from that record on. Subjects appear only as keyed pseudonyms, never as raw identifiers.
create table audit_records (
    seq           bigint primary key,
    recorded_at   timestamptz not null,
    decision      text        not null,
    agency_id     text,
    channel       text,
    flag_type     text,
    receipt_id    uuid,
    rule_id       text,
    rule_version  integer,
    subject_keys  text[]      not null default '{}',
    detail        jsonb       not null default '{}',
    previous_hash text        not null,
    record_hash   text        not null
);
create index audit_records_by_time on audit_records (recorded_at);
create index audit_records_by_agency on audit_records (agency_id, recorded_at);
create index audit_records_by_decision on audit_records (decision, recorded_at);
create index audit_records_by_receipt on audit_records (receipt_id);
create index audit_records_by_subject on audit_records using gin (subject_keys);

-- The chain head: one row, locked by each appender, so records get consecutive numbers and each
-- one chains to exactly the record before it even with several consumers writing at once.
create table audit_chain_head (
    id    integer primary key check (id = 1),
    seq   bigint not null,
    hash  text   not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, 'genesis');

create function audit_records_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only: % refused', tg_op;
end;
$$;
create trigger audit_records_append_only
    before update or delete on audit_records
    for each row execute function audit_records_refuse_change();
create trigger audit_records_no_truncate
    before truncate on audit_records
    for each statement execute function audit_records_refuse_change();
