-- Locality workers handle their team's alerts in the web console: acknowledge one (seen, being dealt
-- with) and assign it to a named worker. These columns hold the current state; each action is also an
-- audit record (alert-acknowledged, alert-assigned) written in the same transaction. A later version of
-- the alert (new information) shows as not yet acknowledged: acknowledged_version is the one seen.
alter table alerts
    add column acknowledged_version integer,
    add column acknowledged_at timestamptz,
    add column acknowledged_by text,
    add column assigned_to     text,
    add column assigned_at     timestamptz,
    add column assigned_by     text;

-- A team's alert list: its own alerts, the most recently updated first.
create index alerts_by_locality on alerts (locality_id, updated_at desc);
