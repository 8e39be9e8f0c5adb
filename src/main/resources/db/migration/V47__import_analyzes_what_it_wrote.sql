-- The importer refreshes the planner's statistics of the docket tables it has just written, inside its transaction
-- (issue 13: after a killed import, autovacuum leaves a rolled-back table's statistics at 0 rows and the retry's merges
-- choose nested loops). ANALYZE needs the table's owner (or, from PostgreSQL 17, the MAINTAIN privilege); the
-- application role owns nothing, so it analyzes through this function, which runs as the owner and accepts only the
-- tables an import writes. It works on every PostgreSQL version CaseOps supports.
create function import_analyze(table_name text) returns void
    language plpgsql security definer set search_path = public, pg_temp as $$
begin
    if table_name not in ('eoir_case', 'proceeding', 'court_motion', 'appeal', 'court_application',
                          'appeal_fed_court', 'lead_rider', 'juvenile_history', 'person', 'case_index') then
        raise exception 'import_analyze: % is not a table an import writes', table_name
            using errcode = 'insufficient_privilege';
    end if;
    execute format('analyze %I', table_name);
end
$$;

revoke all on function import_analyze(text) from public;
grant execute on function import_analyze(text) to caseops_app;
