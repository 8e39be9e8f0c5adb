-- The public statistics (issue 18) count worksite actions from their own records (V132), not from nominations: the
-- actions launched (ACTIVE or CLOSED) by the action's date, the people detained at them, and those released on
-- humanitarian grounds, by the detained person's stated nationality. Grouped counts only, as V120's views.
create or replace view report_stat_worksite as
select 'I9_INSPECTIONS'::text as measure, date_trunc('month', i.notice_served_on)::date as month,
       i.field_office_code, null::bigint as operation_id, null::text as nationality, count(*) as n
from i9_inspection i
group by 2, 3
union all
select 'I9_FINES', date_trunc('month', n.served_on)::date, i.field_office_code, null::bigint, null::text, count(*)
from i9_fine f
join i9_notice n on n.id = f.notice_id
join i9_inspection i on i.id = n.inspection_id
group by 2, 3
union all
select 'WORKSITE_ACTIONS', date_trunc('month', a.action_date)::date, a.field_office_code, null::bigint, null::text,
       count(*)
from worksite_action a
where a.state in ('ACTIVE', 'CLOSED')
group by 2, 3
union all
select 'WORKSITE_DETAINED', date_trunc('month', a.action_date)::date, a.field_office_code, null::bigint,
       d.nationality, count(*)
from worksite_detainee d join worksite_action a on a.id = d.action_id
group by 2, 3, 5
union all
select 'WORKSITE_RELEASES_HUMANITARIAN', date_trunc('month', a.action_date)::date, a.field_office_code,
       null::bigint, d.nationality, count(*)
from worksite_detainee d join worksite_action a on a.id = d.action_id
where d.outcome in ('RELEASED_HUMANITARIAN', 'HHS_REFERRAL')
group by 2, 3, 5;
