-- Each stored verdict names the rule that decided it (FINALITY for an executable order), so a screening counts every
-- case once by reason; `reasons` keeps every rule that stands in the way.
alter table case_verdict add column reason text;
update case_verdict set reason = coalesce(reasons[1], 'FINALITY');
alter table case_verdict alter column reason set not null;
