-- History is append-only for the application (DESIGN invariant 9; docs/adr/005-application-database-role.md): the
-- application's login role caseops_app may read and add case, task, operation and custody events and call-in
-- responses, never change or remove them; a correction is a new event. (The audit tables were restricted by V11.)
-- The pool signs in as caseops_app itself (a LOGIN role with a password; the embedded server sets it up, an external
-- server's DBA creates it), which owns nothing and is a member of no other role.
revoke update, delete, truncate on case_event, task_event, operation_event, call_in_response from caseops_app;
grant select, insert on case_event, task_event, operation_event, call_in_response to caseops_app;

-- The custody ledger is written by its trigger only (V36 makes the trigger run as the owner).
revoke insert, update, delete, truncate on custody_event from caseops_app;
grant select on custody_event to caseops_app;

-- When it happened (occurred_at, set by the writer: a custody change's own time) and when it was written down.
-- Rows written before this migration have no recorded time of their own.
alter table case_event add column recorded_at timestamptz;
alter table case_event alter column recorded_at set default clock_timestamp();
