-- Schools' CSV batches: one row per file received, with its counts, and the per-row error report.
-- Neither table holds a value from the file: errors name the row, the column and the problem only.
create table batches (
    batch_id        uuid primary key,
    agency_id       text        not null,
    transport       text        not null check (transport in ('https', 'inbox')),
    format          text        check (format in ('attendance', 'exclusions')),
    -- SHA-256 of the file's bytes, known once the whole file has been read.
    file_sha256     text,
    status          text        not null check (status in ('processing', 'completed', 'rejected', 'failed')),
    received_at     timestamptz not null,
    finished_at     timestamptz,
    rows_read       integer     not null default 0,
    flags_accepted  integer     not null default 0,
    duplicates      integer     not null default 0,
    no_flag_rows    integer     not null default 0,
    rejected_rows   integer     not null default 0
);
create index batches_by_agency on batches (agency_id, received_at);

create table batch_row_errors (
    batch_id   uuid    not null references batches (batch_id),
    row_number integer not null,
    field      text    not null,
    problem    text    not null
);
create index batch_row_errors_by_batch on batch_row_errors (batch_id, row_number);
