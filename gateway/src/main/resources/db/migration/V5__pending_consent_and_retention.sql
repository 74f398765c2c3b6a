-- Flags held for want of consent: minimised, visible, released by a later consent, deleted when their
-- agreement's retention runs out.
create table pending_flags (
    receipt_id   uuid primary key,
    agency_id    text        not null,
    flag_type    text        not null,
    flag         jsonb       not null,
    person_ids   uuid[]      not null,
    held_at      timestamptz not null,
    expires_on   date        not null
);
create index pending_flags_by_person on pending_flags using gin (person_ids);
create index pending_flags_by_expiry on pending_flags (expires_on);

-- How long each stored flag may be kept, from its agreement's retention period.
alter table family_flags add column retain_until date;
update family_flags set retain_until = occurred_on + interval '2 years' where retain_until is null;
alter table family_flags alter column retain_until set not null;
create index family_flags_by_retention on family_flags (retain_until);
