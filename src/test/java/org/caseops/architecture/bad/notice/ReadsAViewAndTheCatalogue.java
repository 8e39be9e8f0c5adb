package org.caseops.architecture.bad.notice;

/** Keeps the table rule: its own table, a view made for reports, and the reference catalogue. */
public class ReadsAViewAndTheCatalogue {

    static final String SQL = """
            select r.id, t.field_office_code, f.name from call_in_response r
            join report_operation_target t on t.person_id = r.person_id
            join field_office f on f.code = t.field_office_code""";

    String sql() {
        return SQL;
    }
}
