-- Minority at a custody change is judged on the first of the days the change's time falls on in the United States:
-- Hawaii's (UTC-10, no daylight saving time; org.caseops.legal.LegalDays, docs/legal-rules.md "Which day an instant
-- is"). Until now it was the day in the session's time zone (`since::date`), which is the JVM's zone for the
-- application and UTC for most other clients: a child who turns 18 on a day counted as an adult at 19:00 the evening
-- before in Los Angeles, and the same row judged differently by two clients. The rule is the application's, as a
-- person is a minor until the day they are not one anywhere in the United States.
create or replace function custody_check_minors_on_status() returns trigger
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
begin
    perform custody_check_minors(new.family_id, (new.since at time zone 'Pacific/Honolulu')::date);
    return null;
end
$$;

create or replace function custody_check_minors_on_caregiver() returns trigger
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
begin
    perform custody_check_minors(f, (coalesce((select max(s.since) from custody_status s where s.family_id = f),
                                              now()) at time zone 'Pacific/Honolulu')::date)
    from (select case when tg_op = 'DELETE' then old.family_id else new.family_id end as f) x;
    return null;
end
$$;
