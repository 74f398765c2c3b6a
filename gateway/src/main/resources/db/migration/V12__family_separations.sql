-- A match reviewer split a wrongly linked family (issue 6): the two families on each row are never merged
-- again by the family stage. A merge re-points its merged family's rows to the survivor, so a separation
-- always names live families. No primary key: two families merged into one may leave duplicate rows,
-- which say the same thing.
create table family_separations (
    family_id       uuid        not null references families (family_id),
    other_family_id uuid        not null references families (family_id),
    separated_at    timestamptz not null,
    separated_by    text        not null,
    constraint family_separations_two_families check (family_id <> other_family_id)
);
create index family_separations_by_family on family_separations (family_id);
create index family_separations_by_other on family_separations (other_family_id);
