-- The alert version a processed flag published, kept with the flag's ledger entry. The pipeline commits
-- the database before the broker: a gateway that dies between the two leaves the flag processed but its
-- alert unsent, and the broker redelivers the flag. The redelivery is recognised as processed by the
-- ledger and publishes this version again; the broker's duplicate id (alertId:version) stops a double.
alter table pipeline_ledger
    add column alert_id          uuid,
    add column alert_version     integer,
    add column alert_destination text;
