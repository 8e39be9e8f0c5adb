-- The application's own database role (docs/adr/005-application-database-role.md). Flyway runs as the owner of the
-- schema; the application's connection pool runs `set role caseops_app` and may only read and write data.
-- On an external server the DBA creates caseops_app beforehand and grants it to the login CaseOps uses; then this
-- creates nothing. Embedded, the owner is the superuser and creates it here.
do $$
begin
    if not exists (select from pg_roles where rolname = 'caseops_app') then
        create role caseops_app nologin;
    end if;
end
$$;

grant usage on schema public to caseops_app;

-- Everything the application does today: read and write the docket, reference data, imports, holds, screenings.
-- Temporary tables (import staging, screening) need TEMPORARY on the database, which PUBLIC has by default.
grant select, insert, update, delete on all tables in schema public to caseops_app;
grant usage, select on all sequences in schema public to caseops_app;

-- Tables and sequences later migrations create get the same; a later append-only table must revoke as below.
alter default privileges in schema public grant select, insert, update, delete on tables to caseops_app;
alter default privileges in schema public grant usage, select on sequences to caseops_app;

-- The audit trail: append and read, nothing else. The head is moved by the append trigger (security definer).
revoke all on audit_entry, audit_head from caseops_app;
grant select, insert on audit_entry to caseops_app;
grant select on audit_head to caseops_app;

-- Migrations are the owner's business.
revoke all on flyway_schema_history from caseops_app;
