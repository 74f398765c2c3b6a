-- Probabilistic matching (issue 6): blocking keys in an indexed table, so that candidate retrieval is an
-- index lookup at a million persons, and a clerical-review queue for pairs scoring between the thresholds.

-- One row per key a person can be found under (see matching/scoring/BlockingKeys): a valid NHS number, a
-- valid UPN, the surname's Soundex with the birth year, the date of birth, the postcode with the given
-- name's initial. Keys of existing persons are filled in at start (matching/BlockingKeyBackfill).
create table person_blocking_keys (
    blocking_key text not null,
    person_id    uuid not null references persons (person_id),
    primary key (blocking_key, person_id)
);
create index person_blocking_keys_by_person on person_blocking_keys (person_id);

-- A flag held because at least one of its subjects scored between the review and match thresholds
-- against a person already in the index. Minimised as received; released to the pipeline once every
-- review of it has been decided, or deleted when its agreement's retention runs out.
create table match_held_flags (
    receipt_id uuid primary key,
    agency_id  text        not null,
    flag_type  text        not null,
    flag       jsonb       not null,
    held_at    timestamptz not null,
    expires_on date        not null
);
create index match_held_flags_by_expiry on match_held_flags (expires_on);

-- One pair to review: a subject of a held flag (by its position in the flag) and the best-scoring
-- candidate person, with the evidence (score, and each field's comparison level and weight; never
-- values). The decision stays here: when the flag comes back through the pipeline, the matcher follows it.
create table match_reviews (
    review_id           uuid primary key,
    receipt_id          uuid             not null,
    subject_index       integer          not null,
    candidate_person_id uuid             not null references persons (person_id),
    score               double precision not null,
    evidence            jsonb            not null,
    status              text             not null check (status in ('pending', 'confirmed', 'rejected')),
    held_at             timestamptz      not null,
    decided_at          timestamptz,
    decided_by          text,
    constraint match_reviews_one_per_subject unique (receipt_id, subject_index)
);
create index match_reviews_pending on match_reviews (held_at) where status = 'pending';
