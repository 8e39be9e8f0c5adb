-- Call-in letters (issue 16, docs/notices.md). A mailing batch per field office and print date; a letter per family
-- (a person alone is a family of one) naming the members it concerns: each executable on the print date and on the
-- report-by date. The batch and the members of a letter are written once (history); a letter's delivery status moves
-- PRINTED -> SENT -> DELIVERED | RETURNED by conditional updates on its version, each writing case events.
create table letter_batch (
    id                bigserial primary key,
    field_office_code text not null,
    print_date        date not null,
    report_by         date not null check (report_by > print_date),
    created_by        text not null,
    created_at        timestamptz not null default now(),
    unique (field_office_code, print_date)
);

create table letter (
    id                bigserial primary key,
    reference         text not null unique check (reference ~ '^CL-[A-Z]{2,4}-[0-9]{8}-[0-9]{6}$'),
    batch_id          bigint not null references letter_batch (id),
    family_id         bigint not null,
    field_office_code text not null,
    print_date        date not null,
    report_by         date not null check (report_by > print_date),
    -- the person's language as EOIR codes it (null when none is recorded), the template used, and whether the letter
    -- announces an interpreter (a language without a template)
    eoir_language     text,
    template_language text not null check (template_language in ('ENGLISH', 'SPANISH', 'PORTUGUESE', 'FRENCH',
                                                                  'HAITIAN_CREOLE')),
    interpreter       boolean not null,
    addressee         text not null,
    mailing_address   text not null,
    order_date        date,
    in_absentia       boolean not null,
    status            text not null default 'PRINTED' check (status in ('PRINTED', 'SENT', 'DELIVERED', 'RETURNED')),
    status_on         date,
    status_by         text,
    version           int not null default 0,
    unique (batch_id, family_id)
);
create index letter_family on letter (family_id);

create table letter_member (
    letter_id bigint not null references letter (id),
    person_id bigint not null references person (id),
    primary key (letter_id, person_id)
);
create index letter_member_person on letter_member (person_id);

-- The application reads and adds batches and letter members and never changes them; a letter's status and version
-- change, a letter is never deleted.
revoke update, delete, truncate on letter_batch, letter_member from caseops_app;
grant select, insert on letter_batch, letter_member to caseops_app;
revoke delete, truncate on letter from caseops_app;
grant select, insert, update on letter to caseops_app;

-- A returned letter opens a task to verify the family's address through lawful channels.
alter table task drop constraint task_type_check;
alter table task add constraint task_type_check check (type in ('CHILD_WELFARE_CHECK', 'COLLATERAL_REVIEW',
    'CUSTODY_ESCALATION', 'CUSTODY_REVIEW', 'LEGAL_REVIEW', 'GENERAL', 'ADDRESS_VERIFICATION'));
