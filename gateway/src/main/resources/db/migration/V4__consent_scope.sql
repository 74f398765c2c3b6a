-- Consent with its scope and expiry. Existing records keep null scope (all agency kinds and purposes)
-- and no expiry. History stays append-only in use: the registry only ever inserts.
alter table consent_records
    add column agency_kinds text[],
    add column purposes     text[],
    add column expires_on   date;
