-- Read views of the docket: what a case's latest proceeding says, where it is heard, which family it belongs to.

-- What an EOIR decision code means for a case type (a description of the record, not a legal verdict:
-- whether an order can be executed on a date is the legal gate's question).
create function order_type(case_type text, dec_code text) returns text
    language sql immutable parallel safe as $$
    select case
        when dec_code is null or dec_code = '' then 'PENDING'
        when (case_type = 'RMV' and dec_code = 'X') or (case_type = 'DEP' and dec_code = 'D')
          or (case_type = 'EXC' and dec_code = 'E') then 'REMOVAL_ORDERED'
        when dec_code = 'V' then 'VOLUNTARY_DEPARTURE'
        when dec_code in ('T', 'I') then 'TERMINATED'
        when dec_code = 'R' or (case_type = 'EXC' and dec_code = 'A') then 'RELIEF_GRANTED'
        when dec_code in ('A', 'B', 'Y') then 'ADMINISTRATIVELY_CLOSED'
        else 'OTHER'
    end
$$;

-- The lead of a rider case: the first active, unsevered lead/rider link.
create function lead_of(rider bigint) returns bigint
    language sql stable parallel safe as $$
    select lead_case from lead_rider
    where rider_case = rider and active and severed_on is null
    order by idnleadrider limit 1
$$;

create or replace view family_member as
select coalesce(lead_of(p.idncase), p.idncase, p.household_of) as family_id,
       p.id                                                   as person_id,
       p.idncase,
       case when p.idncase is null then 'HOUSEHOLD'
            when lead_of(p.idncase) is not null then 'RIDER'
            else 'LEAD' end                                   as role
from person p;

-- One row per case: its latest proceeding (the highest IDNPROCEEDING governs), where it is heard, its family.
create view case_summary as
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
       coalesce(lead_of(c.idncase), c.idncase)                   as family_id
from eoir_case c
left join lateral (select * from proceeding p where p.idncase = c.idncase
                   order by p.idnproceeding desc limit 1) lp on true
left join hearing_location hl on hl.code = lp.hearing_loc_code
left join base_city bc on bc.code = lp.base_city_code;
