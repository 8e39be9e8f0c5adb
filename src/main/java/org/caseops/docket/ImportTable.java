package org.caseops.docket;

import static org.caseops.docket.Column.bool;
import static org.caseops.docket.Column.code;
import static org.caseops.docket.Column.date;
import static org.caseops.docket.Column.id;
import static org.caseops.docket.Column.integer;
import static org.caseops.docket.Column.oneOf;
import static org.caseops.docket.Column.ref;
import static org.caseops.docket.Column.requiredText;
import static org.caseops.docket.Column.text;

import java.util.List;
import java.util.Locale;

/**
 * The input tables CaseOps imports, in the order they are merged (a table's references come before it):
 * six EOIR case-data tables by EOIR's own column names, then the person file. Columns not listed are ignored.
 */
enum ImportTable {

    CASES("A_TblCase", "eoir_case", "CASE", "idncase", List.of(
            id("IDNCASE", "idncase"),
            code("NAT", "nat", "nationality"),
            code("LANG", "lang", "language"),
            text("ALIEN_CITY", "alien_city"),
            text("ALIEN_STATE", "alien_state"),
            text("ALIEN_ZIPCODE", "alien_zipcode"),
            code("CASE_TYPE", "case_type", "case_type"),
            oneOf("Sex", "sex", "M", "F", "U", "N", "X"),
            bool("LPR", "lpr"),
            date("C_BIRTHDATE", "birth_date"),
            code("CASEPRIORITY_CODE", "case_priority_code", "case_priority"),
            date("DATE_OF_ENTRY", "date_of_entry"),
            text("CUSTODY", "custody"),
            date("E_28_DATE", "e28_date"),
            integer("ATTY_NBR", "atty_nbr")),
            List.of(), List.of(), RowRules.NONE),

    PROCEEDINGS("B_TblProceeding", "proceeding", "PROCEEDING", "idncase", List.of(
            id("IDNPROCEEDING", "idnproceeding"),
            ref("IDNCASE", "idncase", true),
            date("OSC_DATE", "osc_date"),
            code("BASE_CITY_CODE", "base_city_code", "base_city"),
            code("HEARING_LOC_CODE", "hearing_loc_code", "hearing_location"),
            code("CASE_TYPE", "case_type", "case_type"),
            text("DEC_CODE", "dec_code"),
            text("DEC_TYPE", "dec_type"),
            text("OTHER_COMP", "other_comp"),
            date("COMP_DATE", "comp_date"),
            bool("ABSENTIA", "absentia"),
            text("APPEAL_RSVD", "appeal_rsvd"),
            text("APPEAL_NOT_FILED", "appeal_not_filed"),
            text("CUSTODY", "custody")),
            List.of(new ForeignKey("idncase", "eoir_case", "idncase", "A_TblCase")), List.of(),
            RowRules.DECISION_READ_WITH_CASE_TYPE),

    MOTIONS("tbl_Court_Motions", "court_motion", "MOTION", "idncase", List.of(
            id("IDNMOTION", "idnmotion"),
            ref("IDNPROCEEDING", "idnproceeding", true),
            ref("IDNCASE", "idncase", true),
            text("REC_TYPE", "rec_type"),
            date("MOTION_RECD_DATE", "motion_recd_date"),
            code("DEC", "dec", "court_decision"),
            date("COMP_DATE", "comp_date"),
            oneOf("STAY_GRANT", "stay_grant", "G", "D", "Y", "N"),
            bool("BLNDELETED", "deleted").blankIs("false")),
            List.of(new ForeignKey("idnproceeding", "proceeding", "idnproceeding", "B_TblProceeding"),
                    new ForeignKey("idncase", "eoir_case", "idncase", "A_TblCase")), List.of(),
            RowRules.NONE),

    APPEALS("tblAppeal", "appeal", "APPEAL", "idncase", List.of(
            id("idnAppeal", "idnappeal"),
            ref("idncase", "idncase", true),
            ref("idnProceeding", "idnproceeding", false),
            text("strAppealCategory", "appeal_category"),
            text("strAppealType", "appeal_type"),
            date("datAppealFiled", "appeal_filed"),
            code("strBIADecision", "bia_decision", "bia_decision"),
            date("datBIADecision", "bia_decision_date"),
            text("strBIADecisionType", "bia_decision_type")),
            List.of(new ForeignKey("idncase", "eoir_case", "idncase", "A_TblCase"),
                    new ForeignKey("idnproceeding", "proceeding", "idnproceeding", "B_TblProceeding")), List.of(),
            RowRules.NONE),

    LEAD_RIDERS("tbl_Lead_Rider", "lead_rider", "LEAD_RIDER", "lead_case", List.of(
            id("idnLeadRider", "idnleadrider"),
            ref("idnLeadCase", "lead_case", true),
            ref("idnRiderCase", "rider_case", true),
            date("datSeveredOn", "severed_on"),
            bool("blnActive", "active").mandatory()),
            List.of(new ForeignKey("lead_case", "eoir_case", "idncase", "A_TblCase"),
                    new ForeignKey("rider_case", "eoir_case", "idncase", "A_TblCase")), List.of(),
            RowRules.NONE),

    JUVENILE_HISTORY("tbl_JuvenileHistory", "juvenile_history", "JUVENILE_HISTORY", "idncase", List.of(
            id("idnJuvenileHistory", "idnjuvenilehistory"),
            ref("idnCase", "idncase", true),
            ref("idnProceeding", "idnproceeding", false),
            integer("idnJuvenile", "idnjuvenile")),
            List.of(new ForeignKey("idncase", "eoir_case", "idncase", "A_TblCase"),
                    new ForeignKey("idnproceeding", "proceeding", "idnproceeding", "B_TblProceeding")), List.of(),
            RowRules.NONE),

    /** The person file: links synthetic or agency-held identities to EOIR cases. Its key is computed. */
    PERSONS("persons", "person", "PERSON", "idncase", List.of(
            new Column(null, "person_key", ValueKind.TEXT, false, null, java.util.Set.of(), null),
            ref("IDNCASE", "idncase", false),
            text("A_NUMBER", "a_number"),
            requiredText("GIVEN_NAME", "given_name"),
            requiredText("FAMILY_NAME", "family_name"),
            date("BIRTH_DATE", "birth_date").mandatory(),
            oneOf("SEX", "sex", "M", "F", "U", "X"),
            text("NATIONALITY", "nationality"),
            code("LANGUAGE", "language", "language"),
            bool("US_CITIZEN", "us_citizen").mandatory(),
            bool("LPR", "lpr").mandatory(),
            bool("CITIZENSHIP_CLAIM", "citizenship_claim_open").mandatory(),
            ref("HOUSEHOLD_OF", "household_of", false),
            oneOf("RELATIONSHIP", "relationship", "LEAD", "SPOUSE", "CHILD", "PARENT", "GUARDIAN", "OTHER")
                    .mandatory(),
            text("ADDRESS_LINE", "address_line"),
            text("CITY", "city"),
            text("STATE", "state"),
            text("ZIP", "zip"),
            date("ADDRESS_AS_OF", "address_as_of")),
            List.of(new ForeignKey("idncase", "eoir_case", "idncase", "A_TblCase"),
                    new ForeignKey("household_of", "eoir_case", "idncase", "A_TblCase")),
            List.of("idncase"),
            RowRules.PERSON);

    /** The file's base name, e.g. {@code A_TblCase} for {@code A_TblCase.csv} or {@code .txt}. */
    final String fileName;
    /** The database table rows are merged into. */
    final String target;
    /** The noun in timeline events: CASE_ADDED, PROCEEDING_UPDATED, ... */
    final String noun;
    /** The column that names the case a row belongs to, for the timeline. */
    final String caseColumn;
    /** The key first, then the other columns. */
    final List<Column> columns;
    final List<ForeignKey> foreignKeys;
    /** Columns besides the key that must be unique in the file and in the database. */
    final List<String> uniqueColumns;
    final RowRule rule;

    ImportTable(String fileName, String target, String noun, String caseColumn, List<Column> columns,
            List<ForeignKey> foreignKeys, List<String> uniqueColumns, RowRule rule) {
        this.fileName = fileName;
        this.target = target;
        this.noun = noun;
        this.caseColumn = caseColumn;
        this.columns = columns;
        this.foreignKeys = foreignKeys;
        this.uniqueColumns = uniqueColumns;
        this.rule = rule;
    }

    Column key() {
        return columns.get(0);
    }

    int index(String target) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).target().equals(target)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name() + " has no column " + target);
    }

    /** The table this file name stands for ({@code A_TblCase.csv}, {@code a_tblcase.TXT}, ...), if any. */
    static java.util.Optional<ImportTable> ofEoirFile(String name) {
        String base = name.replaceAll("^.*/", "");
        int dot = base.lastIndexOf('.');
        if (dot < 0) {
            return java.util.Optional.empty();
        }
        String ext = base.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!ext.equals("csv") && !ext.equals("txt")) {
            return java.util.Optional.empty();
        }
        String stem = base.substring(0, dot);
        for (ImportTable table : values()) {
            if (table != PERSONS && table.fileName.equalsIgnoreCase(stem)) {
                return java.util.Optional.of(table);
            }
        }
        return java.util.Optional.empty();
    }

    /** A reference from a column of this table to the key of another. */
    record ForeignKey(String column, String table, String tableKey, String tableFile) {
    }
}
