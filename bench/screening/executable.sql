-- The screening benchmark's baseline: one hand-written query that computes ONLY whether each case is executable
-- as of a date, over the same tables the legal gate reads, and counts. It encodes the main rules of
-- docs/legal-rules.md in SQL (latest proceeding, removal order, finality, pending appeal, motions, stays, holds,
-- citizenship) but not the business-day adjustment of the appeal window, the findings, the explanations or the
-- change dates, and it stores nothing. Run: psql -v as_of=2019-06-23 -f executable.sql
with latest as (
    select distinct on (idncase) idncase, case_type, dec_code, comp_date, absentia, appeal_rsvd, appeal_not_filed
    from proceeding
    order by idncase, idnproceeding desc
), verdict as (
    select l.idncase,
           ((l.case_type = 'RMV' and l.dec_code = 'X') or (l.case_type = 'DEP' and l.dec_code = 'D')
               or (l.case_type = 'EXC' and l.dec_code = 'E') or (l.dec_code = 'V' and l.comp_date + 60 < :'as_of'::date))
           and l.comp_date <= :'as_of'::date
           and (l.absentia or coalesce(l.appeal_rsvd, '') not in ('A', 'B') or l.appeal_not_filed = 'X'
               or l.comp_date + 30 < :'as_of'::date
               or exists (select 1 from appeal a where a.idncase = l.idncase and a.bia_decision = 'DIS'
                          and a.bia_decision_date <= :'as_of'::date))
           and not exists (select 1 from appeal a where a.idncase = l.idncase and a.appeal_filed <= :'as_of'::date
                           and (a.bia_decision is null or a.bia_decision_date > :'as_of'::date
                                or a.bia_decision in ('SUS', 'REM')))
           and not exists (select 1 from court_motion m where m.idncase = l.idncase and not m.deleted
                           and m.motion_recd_date >= l.comp_date and m.motion_recd_date <= :'as_of'::date
                           and ((m.dec = 'G' and m.comp_date <= :'as_of'::date)
                                or ((m.dec is null or m.comp_date > :'as_of'::date)
                                    and (l.absentia or m.stay_grant in ('G', 'Y')))))
           and not exists (select 1 from stay s where s.idncase = l.idncase and s.from_date <= :'as_of'::date
                           and coalesce(least(s.until_date, s.lifted_on), 'infinity') > :'as_of'::date)
           and not exists (select 1 from legal_hold h where h.idncase = l.idncase and h.placed_on <= :'as_of'::date
                           and coalesce(h.lifted_on, 'infinity') > :'as_of'::date)
           and not exists (select 1 from person p where p.idncase = l.idncase
                           and (p.us_citizen or p.citizenship_claim_open))
           as executable
    from latest l
)
select count(*) filter (where executable) as executable, count(*) as cases from verdict;
