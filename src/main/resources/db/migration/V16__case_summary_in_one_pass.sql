-- case_summary in a form that serves both uses: DISTINCT ON subqueries (the latest proceeding of each case, the lead
-- of each rider) give one ordered pass when the whole docket is read (refreshing the case index for a national
-- import: the per-case lateral lookups took ~190 s for 3 M cases), and a filter on idncase is pushed into them, so one
-- case still reads by index. Same columns, same meaning as V14.
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
left join (select distinct on (idncase) * from proceeding order by idncase, idnproceeding desc) lp
       on lp.idncase = c.idncase
left join (select distinct on (rider_case) rider_case, lead_case from lead_rider
           where active and severed_on is null order by rider_case, idnleadrider) lr
       on lr.rider_case = c.idncase
left join hearing_location hl on hl.code = lp.hearing_loc_code
left join base_city bc on bc.code = lp.base_city_code;
