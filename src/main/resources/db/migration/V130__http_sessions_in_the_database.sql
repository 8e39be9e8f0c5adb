-- Browser sessions in PostgreSQL (Spring Session JDBC, issue 19): any application instance answers any request, and a
-- session survives the restart of the instance that made it. Spring Session's own schema for PostgreSQL
-- (org/springframework/session/jdbc/schema-postgresql.sql in spring-session-jdbc 3.5), created here by Flyway rather
-- than by Spring Session at start-up (spring.session.jdbc.initialize-schema=never): the application's role may not
-- create tables. V11's default privileges let caseops_app read, write and delete sessions, nothing more.
-- A session holds who signed in, the CSRF token, the working date and one-shot page messages; no record of a person.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);
