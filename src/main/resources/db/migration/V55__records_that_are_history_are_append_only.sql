-- History is append-only for the application (DESIGN invariant 9). V11's default privileges give caseops_app UPDATE
-- and DELETE on every new table, so each table that is a record of what happened must take them back in the migration
-- that creates it. These five were missed: a note on a person's record, the parental and humanitarian screening of an
-- encounter and the children it names, and the conditions set at a release are written once and never changed (a
-- correction is a new note, a new encounter record, a new release). ApplicationRoleTest classifies every table of the
-- schema as history or not, so a new table cannot be left out silently.
revoke update, delete, truncate on case_note, parental_screening, screening_child, release_condition from caseops_app;
grant select, insert on case_note, parental_screening, screening_child, release_condition to caseops_app;
