-- Signed checkpoints of the audit chain. Every N records and every M seconds the gateway signs the chain
-- head (its seq and hash, and the time) with its Ed25519 audit key, so anyone holding the public key can
-- prove that the chain up to that record is what was there when it was signed: a rewritten chain or a
-- deleted tail no longer matches the last signed checkpoint.
create table audit_signing_keys (
    key_id     text primary key,        -- hex SHA-256 of the public key (SubjectPublicKeyInfo DER)
    algorithm  text not null,
    public_key bytea not null,          -- SubjectPublicKeyInfo DER: verification needs nothing else
    added_at   timestamptz not null
);

create table audit_checkpoints (
    seq        bigint primary key,      -- the chain head's seq when signed
    head_hash  text not null,           -- the record hash at that seq
    signed_at  timestamptz not null,
    signature  text not null,           -- base64 Ed25519 signature over the canonical checkpoint text
    key_id     text not null references audit_signing_keys (key_id)
);

-- Append-only, like the records they sign.
create trigger audit_checkpoints_append_only
    before update or delete on audit_checkpoints
    for each row execute function audit_records_refuse_change();
create trigger audit_checkpoints_no_truncate
    before truncate on audit_checkpoints
    for each statement execute function audit_records_refuse_change();
create trigger audit_signing_keys_append_only
    before update or delete on audit_signing_keys
    for each row execute function audit_records_refuse_change();
create trigger audit_signing_keys_no_truncate
    before truncate on audit_signing_keys
    for each statement execute function audit_records_refuse_change();
