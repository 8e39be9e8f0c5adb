package org.caseops.docket;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The set-based SQL of an import, generated from an {@link ImportTable}: checks that need the whole file
 * (duplicates, references), the quarantine, and the merge that writes the case timeline in the same statement.
 * Bind parameters: {@code :importId}, {@code :actor}, {@code :file}.
 */
final class MergeSql {

    private MergeSql() {
    }

    private static final List<String> NOT_COMPARED = List.of("import_id", "changed_by_import", "version", "id");

    static String cast(Column column, String alias) {
        String cast = alias + "." + column.target() + "::" + column.kind().sqlType;
        return column.blankIs() == null ? cast : "coalesce(" + cast + ", " + column.blankIs() + ")";
    }

    private static List<Column> dataColumns(ImportTable table) {
        return table.columns.subList(1, table.columns.size());
    }

    private static String keyCast(ImportTable table) {
        return cast(table.key(), "s");
    }

    private static String label(Column column) {
        return column.label();
    }

    /** Adds a problem to a staged row: the first column at fault stays, the reasons are all kept. */
    private static String addProblem(String columnSql, String reasonSql) {
        return " set problem_column = coalesce(s.problem_column, " + columnSql + "), problem = case when s.problem"
                + " is null then " + reasonSql + " else s.problem || '; ' || " + reasonSql + " end";
    }

    /**
     * Later rows whose value of {@code column} repeats that of an earlier row that has no problem of its own, in the
     * same file (the first such row is the one kept). A later row with problems of its own gets this one too.
     */
    static String duplicates(ImportTable table, Column column, String what) {
        String c = column.target();
        return "update stg_" + table.target + " s" + addProblem("'" + label(column) + "'",
                "'duplicate " + label(column) + " ' || s." + c + " || ' (" + what + " line ' || d.first_line || ')'")
                + " from (select " + c + ", min(line) filter (where problem is null) as first_line from stg_"
                + table.target + " where " + c + " is not null group by " + c + " having count(*) > 1) d"
                + " where s." + c + " = d." + c + " and s.line > d.first_line";
    }

    /** Rows whose unique column already belongs to another row of the target table. */
    static String takenInDatabase(ImportTable table, Column column) {
        String c = column.target();
        String key = table.key().target();
        return "update stg_" + table.target + " s" + addProblem("'" + label(column) + "'",
                "'" + label(column) + " ' || s." + c + " || ' already belongs to another " + table.noun.toLowerCase()
                + " in CaseOps'")
                + " from " + table.target + " t where s." + c + " is not null"
                + " and t." + c + " = " + cast(column, "s") + " and s." + key + " is not null and t." + key + " <> "
                + keyCast(table);
    }

    /** Rows that name a row of another table that is neither in this import (accepted) nor in CaseOps. */
    static String orphans(ImportTable table, ImportTable.ForeignKey fk) {
        Column column = table.columns.get(table.index(fk.column()));
        return "update stg_" + table.target + " s" + addProblem("'" + label(column) + "'",
                "'" + label(column) + " ' || s." + fk.column() + " || ' is not in " + fk.tableFile()
                + " (neither accepted in this import nor already in CaseOps)'")
                + " where s." + fk.column() + " is not null and not exists (select 1 from "
                + fk.table() + " r where r." + fk.tableKey() + " = " + cast(column, "s") + ")";
    }

    /** Columns a table computes in SQL before its checks: a petition for review's case is its appeal's. */
    static List<String> derive(ImportTable table) {
        if (table == ImportTable.FED_COURT_APPEALS) {
            return List.of("update stg_appeal_fed_court s set idncase = a.idncase::text from appeal a"
                    + " where s.idnappeal is not null and a.idnappeal = s.idnappeal::bigint");
        }
        return List.of();
    }

    static String quarantine(ImportTable table) {
        String reconstructed = table.columns.stream().filter(c -> c.source() != null)
                .map(c -> "coalesce(s." + c.target() + ", '')").collect(Collectors.joining(", "));
        return "insert into quarantine (import_id, file_name, table_name, line, column_name, reason, raw)"
                + " select :importId, :file, '" + table.fileName + "', s.line, s.problem_column, s.problem,"
                + " coalesce(s.raw, concat_ws(E'\\t', " + reconstructed + "))"
                + " from stg_" + table.target + " s where s.problem is not null order by s.line";
    }

    /** The warnings of the rows kept, one {@code import_warning} row each, in line order. */
    static String warnings(ImportTable table) {
        return "insert into import_warning (import_id, file_name, table_name, line, row_key, column_name, value,"
                + " reason) select :importId, :file, '" + table.fileName + "', s.line, s." + table.key().target()
                + ", split_part(w, E'\\x1f', 1), nullif(split_part(w, E'\\x1f', 2), ''), split_part(w, E'\\x1f', 3)"
                + " from stg_" + table.target + " s cross join lateral unnest(string_to_array(s.warnings, E'\\x1e'))"
                + " with ordinality as u(w, n) where s.problem is null and s.warnings is not null order by s.line, u.n";
    }

    /** The reason of the court-without-field-office warning. */
    static final String COURT_WITHOUT_FIELD_OFFICE = "court with no field office yet (neither its hearing location"
            + " nor its base city is mapped): the case is kept and listed for an administrator to map"
            + " (GET /api/reference/unmapped)";

    /**
     * Proceedings kept whose court has no field office: neither the hearing location nor the base city is mapped
     * (a court EOIR opened after CaseOps's reference data, a code unknown to it). Their cases are kept and listed for
     * an administrator to map ({@code GET /api/reference/unmapped}).
     */
    static String courtWithoutFieldOffice() {
        return "insert into import_warning (import_id, file_name, table_name, line, row_key, column_name, value,"
                + " reason) select :importId, :file, 'B_TblProceeding', s.line, s.idnproceeding, 'HEARING_LOC_CODE',"
                + " coalesce(s.hearing_loc_code, '') || '/' || coalesce(s.base_city_code, ''),"
                + " '" + COURT_WITHOUT_FIELD_OFFICE + "'"
                + " from stg_proceeding s left join hearing_location hl on hl.code = s.hearing_loc_code"
                + " left join base_city bc on bc.code = s.base_city_code"
                + " where s.problem is null and (s.hearing_loc_code is not null or s.base_city_code is not null)"
                + " and hl.field_office_code is null and bc.field_office_code is null order by s.line";
    }

    private static String rowJson(ImportTable table, String alias) {
        return "(to_jsonb(" + alias + ") - " + NOT_COMPARED.stream().map(c -> "'" + c + "'")
                .collect(Collectors.joining(" - ")) + ")";
    }

    /** The second case a row names whose summary it changes: a rider's family. */
    private static String otherCase(ImportTable table, String alias) {
        return table == ImportTable.LEAD_RIDERS ? alias + ".rider_case" : "null::bigint";
    }

    /** Records the cases a merge inserted or changed, for the case index refreshed at the end of the import. */
    private static String touched(String cte) {
        return " tc_" + cte + " as (insert into touched_cases (idncase) select idncase from " + cte
                + " where idncase is not null union select other_case from " + cte + " where other_case is not null"
                + " returning 1),";
    }

    private static String personId(ImportTable table, String alias) {
        return table == ImportTable.PERSONS ? alias + ".id" : "null::bigint";
    }

    /**
     * Updates rows that differ, writing one {@code <NOUN>_UPDATED} event each; returns the count. Columns the file
     * does not have ({@code absent}) are neither compared nor written: a file without, say, ATTY_NBR says nothing
     * about representation, so what CaseOps holds stays.
     */
    static String update(ImportTable table, Set<String> absent) {
        String key = table.key().target();
        List<Column> data = dataColumns(table).stream().filter(c -> !absent.contains(c.target())).toList();
        if (data.isEmpty()) {
            return "select 0::bigint";
        }
        String targetRow = data.stream().map(c -> "t." + c.target()).collect(Collectors.joining(", "));
        String stagedRow = data.stream().map(c -> cast(c, "s")).collect(Collectors.joining(", "));
        String assignments = data.stream().map(c -> c.target() + " = ch." + c.target())
                .collect(Collectors.joining(", "));
        if (table == ImportTable.PERSONS) {
            assignments += ", version = t.version + 1";
        } else {
            // provenance of the change (V122): the import that last changed the row, in the same statement
            assignments += ", changed_by_import = :importId";
        }
        return "with changed as (select t." + key + " as k, " + rowJson(table, "t") + " as before, "
                + data.stream().map(c -> cast(c, "s") + " as " + c.target()).collect(Collectors.joining(", "))
                + " from stg_" + table.target + " s join " + table.target + " t on t." + key + " = " + keyCast(table)
                + " where s.problem is null and (" + targetRow + ") is distinct from (" + stagedRow + ")),"
                + " upd as (update " + table.target + " t set " + assignments + " from changed ch where t." + key
                + " = ch.k returning t." + key + " as k, t." + table.caseColumn + " as idncase, "
                + otherCase(table, "t") + " as other_case, "
                + personId(table, "t") + " as person_id, ch.before, " + rowJson(table, "t") + " as after),"
                + touched("upd")
                + " ev as (" + Timeline.bulkInsert("idncase, person_id, kind, actor, import_id, summary, before, after")
                + " select u.idncase, u.person_id, '" + table.noun + "_UPDATED', :actor, :importId, '"
                + table.fileName + " ' || u.k || ' changed by import ' || :importId || ': ' || coalesce((select"
                + " string_agg(a.key, ', ' order by a.key) from jsonb_each(u.after) a where a.value is distinct from"
                + " u.before -> a.key), ''), u.before, u.after from upd u returning 1)"
                + " select count(*) from upd";
    }

    /**
     * Inserts new rows; returns the count. A new case or person gets no event row: its provenance ({@code import_id})
     * names the import that added it, and the timeline ({@code case_timeline}, V88) shows it as {@code CASE_ADDED} /
     * {@code PERSON_ADDED} from there. A new row of another table gets a {@code <NOUN>_ADDED} event only when its case
     * was already in CaseOps before this import (a new motion on a known case).
     */
    static String insert(ImportTable table) {
        return insert(table, false);
    }

    /**
     * The insert of {@link #insert(ImportTable)}; {@code docketWasEmpty}: the import started on an empty docket (no
     * case, no person, no case index), so every row it inserts is new, no row can belong to a case known before it (no
     * event), and no case needs noting for the case index (built whole at the end, {@link CaseIndex#BUILD}). The
     * statement then neither looks each row up in the target table nor notes its case.
     */
    static String insert(ImportTable table, boolean docketWasEmpty) {
        String key = table.key().target();
        String columns = table.columns.stream().map(Column::target).collect(Collectors.joining(", "));
        String values = table.columns.stream().map(c -> cast(c, "s")).collect(Collectors.joining(", "));
        String rows = "insert into " + table.target + " (" + columns + ", import_id) select " + values
                + ", :importId from stg_" + table.target + " s where s.problem is null";
        if (docketWasEmpty) {
            // the target was empty when the import started, and this import writes each table once; a plain insert
            // whose row count is the statement's (a CTE with RETURNING would hold every row in a tuple store)
            return rows + " order by s.line";
        }
        String inserted = "ins as (" + rows + " and not exists (select 1 from " + table.target + " t where t." + key
                + " = " + keyCast(table) + ") order by s.line returning " + key + " as k, " + table.caseColumn
                + " as idncase, " + otherCase(table, table.target) + " as other_case, "
                + personId(table, table.target) + " as person_id),";
        if (table == ImportTable.CASES || table == ImportTable.PERSONS) {
            String tc = touched("ins");
            return "with " + inserted + tc.substring(0, tc.length() - 1) + " select count(*) from ins";
        }
        return "with " + inserted + touched("ins")
                + " ev as (" + Timeline.bulkInsert("idncase, person_id, kind, actor, import_id, summary")
                + " select i.idncase, i.person_id, '" + table.noun + "_ADDED', :actor, :importId, '" + table.fileName
                + " ' || i.k || ' added by import ' || :importId"
                + " from ins i join eoir_case c on c.idncase = i.idncase where c.import_id <> :importId returning 1)"
                + " select count(*) from ins";
    }
}
