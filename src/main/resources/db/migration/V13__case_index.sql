-- The case index: the case_summary view kept as a table, so that listing and counting cases by field office, order
-- type, nationality or family uses indexes (on a national docket the view computes every case's latest proceeding
-- for each count: 6-31 s for one page of 3 M cases). The importer refreshes the rows of the cases it changes from
-- the view, in its transaction; the view remains the one definition.
create table case_index (
    idncase           bigint primary key,
    nat               text,
    lang              text,
    case_type         text,
    idnproceeding     bigint,
    hearing_loc_code  text,
    base_city_code    text,
    dec_code          text,
    comp_date         date,
    absentia          boolean not null,
    order_type        text not null,
    field_office_code text,
    family_id         bigint not null
);
create index case_index_field_office on case_index (field_office_code, idncase);
create index case_index_order_type on case_index (order_type, absentia, idncase);
create index case_index_nationality on case_index (nat, idncase);
create index case_index_hearing_location on case_index (hearing_loc_code, idncase);
create index case_index_family on case_index (family_id, idncase);

insert into case_index (idncase, nat, lang, case_type, idnproceeding, hearing_loc_code, base_city_code, dec_code,
                        comp_date, absentia, order_type, field_office_code, family_id)
select idncase, nat, lang, case_type, idnproceeding, hearing_loc_code, base_city_code, dec_code, comp_date, absentia,
       order_type, field_office_code, family_id
from case_summary;
