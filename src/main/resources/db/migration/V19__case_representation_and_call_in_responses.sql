-- Representation on the docket (EOIR A_TblCase E_28_DATE, ATTY_NBR) and the responses to call-in letters.
-- V18 is the operations schema (another branch); this file does not depend on it.

-- ---------------------------------------------------------------- representation
-- e28_date: the date an attorney's appearance (Form EOIR-28) was filed. EOIR overwrites it when counsel files again,
-- so counsel first appeared on or before it, never after. atty_nbr: how many different attorneys the case had.
-- Both null = EOIR recorded nothing (unknown), as a blank in the file.
alter table eoir_case
    add column e28_date date,
    add column atty_nbr integer check (atty_nbr >= 0);

-- The case index carries whether a case is represented, so that case lists and operation targets filter on it by
-- index row. Represented = an appearance was filed (e28_date) or EOIR counts an attorney (atty_nbr > 0).
-- Existing cases have no representation recorded yet (the columns above are new), so false is their true value.
alter table case_index add column represented boolean not null default false;
alter table case_index alter column represented drop default;

-- V16's case_summary, unchanged, with `represented` added as its last column (the index copies the view).
create or replace view case_summary as
select c.idncase,
       c.nat,
       c.lang,
       c.case_type,
       lp.idnproceeding,
       lp.hearing_loc_code,
       lp.base_city_code,
       lp.dec_code,
       lp.comp_date,
       coalesce(lp.absentia, false)                              as absentia,
       order_type(coalesce(lp.case_type, c.case_type), lp.dec_code) as order_type,
       coalesce(hl.field_office_code, bc.field_office_code)      as field_office_code,
       coalesce(lr.lead_case, c.idncase)                         as family_id,
       (coalesce(c.atty_nbr, 0) > 0 or c.e28_date is not null)   as represented
from eoir_case c
left join (select distinct on (idncase) * from proceeding order by idncase, idnproceeding desc) lp
       on lp.idncase = c.idncase
left join (select distinct on (rider_case) rider_case, lead_case from lead_rider
           where active and severed_on is null order by rider_case, idnleadrider) lr
       on lr.rider_case = c.idncase
left join hearing_location hl on hl.code = lp.hearing_loc_code
left join base_city bc on bc.code = lp.base_city_code;

-- ---------------------------------------------------------------- call-in responses (notice)
-- What a person did about a call-in letter: reported as the letter asked, or departed the United States. Recorded by
-- a user, kept as a history (never updated or deleted); each one also writes its case event.
create table call_in_response (
    id          bigserial primary key,
    person_id   bigint not null references person (id),
    kind        text not null check (kind in ('REPORTED', 'DEPARTED')),
    on_date     date not null,
    note        text check (note is null or length(note) <= 10000),
    recorded_by text not null,
    recorded_at timestamptz not null default now()
);
create index call_in_response_person on call_in_response (person_id, on_date);
