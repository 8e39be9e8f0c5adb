package org.caseops.architecture.bad.notice;

/** Breaks the table rule: a notice class counting an operation's targets in the operation's own tables. */
public class ReadsOperationTables {

    static final String SQL = """
            select count(*) from operation_member m
            join operation_target t on t.operation_id = m.operation_id and t.family_id = m.family_id
            where m.operation_id = ?""";

    String sql() {
        return SQL;
    }
}
