-- case_verdict rows are a derived report, rewritten by screenings: storing three million of them checked two foreign
-- keys per row (the case, the screening), most of the time it took. Cases are never deleted and screenings are
-- permanent records, so the checks guarded nothing that can happen.
alter table case_verdict drop constraint case_verdict_idncase_fkey;
alter table case_verdict drop constraint case_verdict_screening_id_fkey;
