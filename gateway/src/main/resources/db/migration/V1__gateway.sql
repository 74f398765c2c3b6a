-- The gateway's state. Personal data lives only in the person index (persons, person_identifiers);
-- everything else refers to persons and families by id, and the audit by keyed pseudonyms.

-- Intake: one row per admitted flag, so a resent source message id gets its first receipt back.
create table intake_receipts (
    receipt_id        uuid primary key,
    agency_id         text        not null,
    source_message_id text        not null,
    flag_type         text        not null,
    channel           text        not null,
    received_at       timestamptz not null,
    constraint intake_receipts_one_per_source_message unique (agency_id, source_message_id)
);

-- Pipeline: one row per processed receipt; redelivered flags stop here.
create table pipeline_ledger (
    receipt_id   uuid primary key,
    processed_at timestamptz not null
);

-- Master person index. Shaped for probabilistic matching later: identifiers in their own table,
-- normalised blocking keys beside the values as sent.
create table persons (
    person_id            uuid primary key,
    given_name           text,
    given_name_key       text,
    family_name          text,
    family_name_key      text,
    date_of_birth        date,
    sex                  text,
    address_line1        text,
    postcode             text,
    postcode_key         text,
    uprn                 text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
create index persons_by_name_dob_postcode on persons (family_name_key, date_of_birth, postcode_key, given_name_key);
create index persons_by_dob on persons (date_of_birth);

create table person_identifiers (
    identifier_type  text not null check (identifier_type in ('nhs-number', 'upn')),
    identifier_value text not null,
    person_id        uuid not null references persons (person_id),
    primary key (identifier_type, identifier_value)
);
create index person_identifiers_by_person on person_identifiers (person_id);

-- Families: a household (same address) joined by declared relationships. A merged family points at
-- the survivor and keeps its id so that older references still resolve.
create table families (
    family_id     uuid primary key,
    household_key text,
    postcode      text,
    created_at    timestamptz not null,
    merged_into   uuid references families (family_id)
);
create unique index families_one_live_household on families (household_key)
    where merged_into is null and household_key is not null;

create table family_members (
    person_id    uuid primary key references persons (person_id),
    family_id    uuid not null references families (family_id),
    role         text,
    relationship text,
    joined_at    timestamptz not null
);
create index family_members_by_family on family_members (family_id);

-- A family's history: minimised flags only (details after the agreement's allow-list; no subjects).
create table family_flags (
    receipt_id     uuid primary key,
    family_id      uuid        not null references families (family_id),
    agency_id      text        not null,
    agency_kind    text        not null,
    flag_type      text        not null,
    occurred_on    date        not null,
    need_category  text,
    severity       text        not null,
    details        jsonb       not null,
    person_ids     uuid[]      not null,
    recorded_at    timestamptz not null
);
create index family_flags_by_family_date on family_flags (family_id, occurred_on);

-- One open alert per family; each update is a new version of the same alert.
create table alerts (
    alert_id    uuid primary key,
    family_id   uuid        not null references families (family_id),
    status      text        not null check (status in ('open', 'closed')),
    version     integer     not null,
    locality_id text        not null,
    raised_at   timestamptz not null,
    updated_at  timestamptz not null,
    content     jsonb       not null
);
create unique index alerts_one_open_per_family on alerts (family_id) where status = 'open';

-- Consent: history is kept, never overwritten; the latest applicable record is effective.
create table consent_records (
    consent_id         uuid primary key,
    person_id          uuid references persons (person_id),
    family_id          uuid references families (family_id),
    status             text        not null check (status in ('given', 'refused', 'withdrawn')),
    recorded_at        timestamptz not null,
    recorded_by        text        not null,
    evidence_reference text,
    constraint consent_about_someone check (person_id is not null or family_id is not null)
);
create index consent_records_by_person on consent_records (person_id, recorded_at);
create index consent_records_by_family on consent_records (family_id, recorded_at);
