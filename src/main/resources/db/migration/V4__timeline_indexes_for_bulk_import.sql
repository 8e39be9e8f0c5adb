-- Most timeline events name a case; few name a person or family directly. Index only the rows that do, so a bulk
-- import does not maintain index entries for millions of nulls.
drop index case_event_person;
drop index case_event_family;
create index case_event_person on case_event (person_id, id) where person_id is not null;
create index case_event_family on case_event (family_id, id) where family_id is not null;
