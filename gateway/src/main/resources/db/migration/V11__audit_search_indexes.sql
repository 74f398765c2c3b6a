-- The IG officer's audit search filters by flag type, rule, locality and agreement as well as by time,
-- agency, decision, receipt and person (V2). Without these, each of those filters reads every record.
-- Locality and agreement live in the record's detail; the partial expression indexes serve the search's
-- "detail->>'x' = ?" (which implies the value is not null) and cost nothing for records without them.
create index audit_records_by_flag_type on audit_records (flag_type, recorded_at);
create index audit_records_by_rule on audit_records (rule_id, recorded_at);
create index audit_records_by_locality on audit_records ((detail->>'locality'), recorded_at)
    where (detail->>'locality') is not null;
create index audit_records_by_agreement on audit_records ((detail->>'agreement'), recorded_at)
    where (detail->>'agreement') is not null;
