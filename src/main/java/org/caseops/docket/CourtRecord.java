package org.caseops.docket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A case's court record as imported from EOIR's tables — proceedings, motions, appeals, relief applications, federal
 * court petitions, juvenile history — each row with its codes' meanings and the import that last changed it: the
 * import that changed it ({@code changed_by_import}, V122) or, while none has, the import that added it
 * ({@code import_id}). One statement for the whole case; the caller has checked access and audited the read.
 */
@Service
public class CourtRecord {

    /**
     * One row of EOIR data: its table (as EOIR names it), its key there, a date, what it is, its outcome (code
     * meanings), and the import that last changed it with that import's start time.
     */
    public record Row(String table, long key, LocalDate date, String what, String outcome, long importId,
            Instant importedAt) {
    }

    private final JdbcClient jdbc;

    CourtRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A code with its meaning from EOIR's lookup {@code codeTable}: {@code Asylum (ASYL)}; a code it lacks as itself. */
    private static String meaning(String codeTable, String column) {
        return "coalesce((select d.description || ' (' || " + column + " || ')' from eoir_code d where d.code_table = '"
                + codeTable + "' and d.code = " + column + "), " + column + ")";
    }

    private static final String SQL = "with rows as ("
            + " select 1 as ord, 'B_TblProceeding' as tbl, p.idnproceeding as k, coalesce(p.comp_date, p.osc_date,"
            + " p.input_date) as day, 'Proceeding: ' || coalesce(" + meaning("case_type", "p.case_type")
            + ", 'case type not recorded') || coalesce(', court ' || p.hearing_loc_code, '') as what,"
            + " concat_ws('; ', case when p.dec_code is not null then 'decision ' || coalesce((select d.description"
            + " || ' (' || p.dec_code || ')' from decision_code d where d.case_type = p.case_type and d.dec_code ="
            + " p.dec_code limit 1), p.dec_code) end, case when p.absentia then 'in absentia' end,"
            + " case when p.comp_date is not null then 'completed ' || p.comp_date end) as outcome,"
            + " coalesce(p.changed_by_import, p.import_id) as imp from proceeding p where p.idncase = :c"
            + " union all select 2, 'tbl_Court_Motions', m.idnmotion, m.motion_recd_date, 'Motion: '"
            + " || coalesce(" + meaning("tblLookupMotionType", "m.rec_type") + ", 'type not recorded'),"
            + " concat_ws('; ', case when m.dec is not null then 'decision ' || " + meaning("court_decision", "m.dec")
            + " end, case m.stay_grant when 'G' then 'stay granted' when 'Y' then 'stay granted' when 'D' then"
            + " 'stay denied' when 'N' then 'stay denied' end, case when m.deleted then 'deleted by EOIR' end),"
            + " coalesce(m.changed_by_import, m.import_id) from court_motion m where m.idncase = :c"
            + " union all select 3, 'tblAppeal', a.idnappeal, a.appeal_filed, 'Appeal: ' || coalesce("
            + meaning("appeal_type", "a.appeal_type") + ", 'type not recorded'), concat_ws('; ',"
            + " case when a.bia_decision is not null then 'BIA decision ' || " + meaning("bia_decision", "a.bia_decision")
            + " end, case when a.bia_decision_date is not null then 'decided ' || a.bia_decision_date end),"
            + " coalesce(a.changed_by_import, a.import_id) from appeal a where a.idncase = :c"
            + " union all select 4, 'tblAppealFedCourts', f.idnappealfedcourts, coalesce(f.fed_court_decision_date,"
            + " f.requested_by_oil), 'Petition for review of appeal ' || f.idnappeal, case when f.fed_court_decision"
            + " is not null then 'decision ' || " + meaning("tblLookupFedCourtDecision", "f.fed_court_decision")
            + " end, coalesce(f.changed_by_import, f.import_id) from appeal_fed_court f where f.idncase = :c"
            + " union all select 5, 'tbl_Court_Appln', x.idnproceedingappln, x.appl_recd_date, 'Application: '"
            + " || coalesce(" + meaning("tblLookUp_Appln", "x.appl_code") + ", 'type not recorded'),"
            + " case when x.appl_dec is not null then 'decision ' || " + meaning("tblLookupCourtAppDecisions",
                    "x.appl_dec") + " end, coalesce(x.changed_by_import, x.import_id)"
            + " from court_application x where x.idncase = :c"
            + " union all select 6, 'tbl_JuvenileHistory', j.idnjuvenilehistory, null::date, 'Juvenile history: EOIR"
            + " juvenile code ' || coalesce(j.idnjuvenile::text, 'not recorded') || coalesce(', proceeding '"
            + " || j.idnproceeding, ''), null, coalesce(j.changed_by_import, j.import_id) from juvenile_history j"
            + " where j.idncase = :c)"
            + " select r.tbl, r.k, r.day, r.what, r.outcome, r.imp, i.started_at from rows r"
            + " join import_run i on i.id = r.imp order by r.ord, r.day nulls last, r.k";

    /** The case's rows, proceedings first, then motions, appeals, petitions, applications, juvenile history. */
    public List<Row> of(long idncase) {
        return jdbc.sql(SQL).param("c", idncase).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2),
                rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getObject(7, OffsetDateTime.class).toInstant())).list();
    }
}
