-- The voluntary-departure bond as a record the legal gate reads (issue 16, docs/legal-rules.md, docs/removal.md).
--
-- 8 CFR 1240.26(c)(3): the bond is posted with DHS within 5 business days of the order granting voluntary departure;
-- if it is not posted within 5 business days, the voluntary departure order vacates automatically and the alternate
-- order of removal takes effect on the following day. The gate reads this table (the legal feature's own record,
-- like departure_deadline): a bond not posted by its due date ends the departure period on the day after it.
-- The supervision desk writes it through LegalRecords when a grant is recorded and when its bond is posted; the
-- voluntary_departure table (V110) stays the desk's, and the gate never reads it.
create table departure_bond (
    id                     bigserial primary key,
    idncase                bigint not null references eoir_case (idncase),
    ordered_on             date not null,
    due_on                 date not null,
    amount                 numeric(10, 2) not null check (amount >= 500),
    posted_on              date,
    posted_reference       text check (length(posted_reference) between 1 and 200),
    voluntary_departure_id bigint unique references voluntary_departure (id),
    recorded_by            text not null,
    recorded_at            timestamptz not null default now(),
    check (due_on > ordered_on),
    check ((posted_on is null) = (posted_reference is null)),
    check (posted_on is null or posted_on >= ordered_on)
);
create index departure_bond_case on departure_bond (idncase, ordered_on);
revoke update, delete, truncate on departure_bond from caseops_app;
grant select, insert on departure_bond to caseops_app;
grant update (posted_on, posted_reference) on departure_bond to caseops_app;

-- the grants recorded before this migration, with their bonds as the desk recorded them
insert into departure_bond (idncase, ordered_on, due_on, amount, posted_on, posted_reference, voluntary_departure_id,
                            recorded_by, recorded_at)
select idncase, granted_on, bond_due, bond_amount, bond_posted_on, bond_reference, id, created_by, created_at
from voluntary_departure;
