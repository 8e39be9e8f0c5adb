-- The case of each person a call-in letter names, as it was when the letter was printed: the letter's later case
-- events go on that case's timeline without the notice feature reading the docket's person table (it reads the
-- docket's person_reference view for names).
alter table letter_member add column idncase bigint;
