-- The lead of a rider case, found by a lateral join instead of calling lead_of() per row: a SQL function with a FROM
-- clause is not inlined, so every call ran as its own query (measured: most of the time to refresh the case index,
-- ~65 µs a case). Same columns, same meaning as V3.
create or replace view family_member as
select coalesce(lr.lead_case, p.idncase, p.household_of) as family_id,
       p.id                                               as person_id,
       p.idncase,
       case when p.idncase is null then 'HOUSEHOLD'
            when lr.lead_case is not null then 'RIDER'
            else 'LEAD' end                               as role
from person p
left join lateral (select r.lead_case from lead_rider r
                   where r.rider_case = p.idncase and r.active and r.severed_on is null
                   order by r.idnleadrider limit 1) lr on true;

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
       coalesce(lr.lead_case, c.idncase)                         as family_id
from eoir_case c
left join lateral (select * from proceeding p where p.idncase = c.idncase
                   order by p.idnproceeding desc limit 1) lp on true
left join lateral (select r.lead_case from lead_rider r
                   where r.rider_case = c.idncase and r.active and r.severed_on is null
                   order by r.idnleadrider limit 1) lr on true
left join hearing_location hl on hl.code = lp.hearing_loc_code
left join base_city bc on bc.code = lp.base_city_code;
