-- Views of the docket made for the legal gate's fact reader (legal.DocketFacts) and the screening (legal.Screening):
-- DESIGN says no feature reads another's tables; a reader gets views made for it, owned by the feature whose tables
-- they read (here the docket), which keeps them true when its tables change. Each is a plain projection the planner
-- folds into the query, so the screening's ordered index scans stay what they were.

-- the person's status flags, by internal id and by case
create view gate_person as
select id, idncase, us_citizen, lpr, citizenship_claim_open from person;

-- the case's own LPR flag (EOIR's), for a case with no person row
create view gate_case as
select idncase, lpr from eoir_case;

create view gate_proceeding as
select idncase, idnproceeding, osc_date, case_type, dec_code, other_comp, comp_date, absentia, appeal_rsvd,
       appeal_not_filed, dec_type, date_appeal_due_status
from proceeding;

create view gate_appeal as
select idncase, idnappeal, idnproceeding, appeal_filed, bia_decision, bia_decision_date, appeal_type, filed_by
from appeal;

-- a motion EOIR deleted from its release (V9) is no fact any more
create view gate_motion as
select idncase, idnmotion, idnproceeding, motion_recd_date, dec, comp_date, stay_grant, rec_type, filing_party
from court_motion
where not deleted;

create view gate_application as
select idncase, idnproceedingappln, idnproceeding, appl_code, appl_recd_date, appl_dec from court_application;

-- petitions for review, by the case of the appeal they follow (the importer's idncase of the petition may be blank)
create view gate_petition as
select a.idncase, f.idnappealfedcourts, f.idnappeal, f.requested_by_oil, f.fed_court_decision_date,
       f.fed_court_decision
from appeal_fed_court f join appeal a on a.idnappeal = f.idnappeal;

create view gate_lead_rider as
select idnleadrider, rider_case, lead_case, active, severed_on from lead_rider;

-- the date of the docket data: the latest release date an import recorded, or for an import that recorded none the
-- day it ran (docs/legal-rules.md, "Data freshness"); null with no finished import
create view gate_data_release as
select max(coalesce(release_date, started_at::date)) as data_as_of from import_run where finished_at is not null;

-- the cases a screening selects, with the field office each is heard in
create view screening_case as
select idncase, field_office_code from case_index;

-- as V56 and V58: V11's default privileges would let the application write through a simple view; it only reads them
revoke insert, update, delete, truncate on gate_person, gate_case, gate_proceeding, gate_appeal, gate_motion,
    gate_application, gate_petition, gate_lead_rider, gate_data_release, screening_case from caseops_app;
grant select on gate_person, gate_case, gate_proceeding, gate_appeal, gate_motion, gate_application, gate_petition,
    gate_lead_rider, gate_data_release, screening_case to caseops_app;
