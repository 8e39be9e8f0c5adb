-- Two grants the session-7 migrations left to the schema's default privileges (V11), which give the application every
-- privilege on a new table or view; each found by a test that tries the write as the application.
--
-- The I-9 penalty schedules are law (28 CFR 85.5), loaded by migrations only: V100 took back update, delete and
-- truncate but left the insert, so the application could add a schedule of its own (WorksiteDatabaseTest).
revoke insert on i9_penalty_schedule, i9_penalty_band from caseops_app;
-- V88's case_timeline is a report over provenance and events: read only, like every view (ApplicationRoleTest).
revoke insert, update, delete, truncate on case_timeline from caseops_app;
