-- The case page shows, for each row of EOIR data, the import that last changed it (issue 14). import_id is the import
-- that added the row and never changes (V88); an import that changes a row now also sets changed_by_import in the same
-- UPDATE that writes the row (MergeSql.update: one more column in the statement it already runs, nothing per row).
-- Null while no import has changed the row since it was added: the import that last changed it is then import_id.
-- A nullable column without a default is added without rewriting the tables.
alter table eoir_case add column changed_by_import bigint;
alter table proceeding add column changed_by_import bigint;
alter table court_motion add column changed_by_import bigint;
alter table appeal add column changed_by_import bigint;
alter table court_application add column changed_by_import bigint;
alter table appeal_fed_court add column changed_by_import bigint;
alter table lead_rider add column changed_by_import bigint;
alter table juvenile_history add column changed_by_import bigint;
