-- The audit trail as 32 hash chains instead of one. With one chain every appending transaction locked
-- the same head row until it committed, so intake and pipeline ran one transaction at a time, each
-- waiting for the one before to sync its commit. Now a transaction takes a chain no other holds and
-- appends all its records there; chains commit side by side and the database syncs them together.
--
-- Each chain is gapless and hash-chained on its own: chain_seq numbers its records 1, 2, 3, ... and
-- each record's previous_hash is the hash of the record before it in its chain (the first record of
-- chain n points to 'genesis:n'; chain 1 is the chain from before, whose first record points to
-- 'genesis'). seq stays unique and rises in the order records were written (from a sequence, taken
-- under the chain's lock, so it also rises along each chain); it is what the hash covers, as before.
alter table audit_chain_head drop constraint audit_chain_head_id_check;
alter table audit_chain_head rename column id to chain;
alter table audit_chain_head rename column seq to chain_seq;
insert into audit_chain_head (chain, chain_seq, hash)
    select n, 0, 'genesis:' || n from generate_series(2, 32) as n;

alter table audit_records add column chain integer not null default 1;
alter table audit_records add column chain_seq bigint;
-- The records so far are chain 1, numbered as they were. (The append-only trigger is lifted only for
-- this one-time numbering, inside the migration's transaction.)
alter table audit_records disable trigger audit_records_append_only;
update audit_records set chain_seq = seq;
alter table audit_records enable trigger audit_records_append_only;
alter table audit_records alter column chain_seq set not null;
alter table audit_records alter column chain drop default;
create unique index audit_records_by_chain on audit_records (chain, chain_seq);

create sequence audit_record_seq;
select setval('audit_record_seq', coalesce((select max(seq) from audit_records), 0) + 1, false);

-- A checkpoint signs one chain's head; the periodic checkpoint signs every chain that moved.
alter table audit_checkpoints add column chain integer not null default 1;
alter table audit_checkpoints alter column chain drop default;
