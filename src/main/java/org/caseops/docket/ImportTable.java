package org.caseops.docket;

import static org.caseops.docket.Column.bool;
import static org.caseops.docket.Column.code;
import static org.caseops.docket.Column.computed;
import static org.caseops.docket.Column.date;
import static org.caseops.docket.Column.id;
import static org.caseops.docket.Column.integer;
import static org.caseops.docket.Column.monthDate;
import static org.caseops.docket.Column.oneOf;
import static org.caseops.docket.Column.ref;
import static org.caseops.docket.Column.requiredText;
import static org.caseops.docket.Column.text;

import java.util.List;
import java.util.Locale;

/**
 * The input tables CaseOps imports, in the order they are merged (a table's references come before it):
 * eight EOIR case-data tables by EOIR's own column names, then the person file. Columns not listed are ignored.
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
            oneOf("Sex", "sex", "M", "F", "U", "N", "X").alias("GENDER"),
            bool("LPR", "lpr").warnBlank(),
            monthDate("C_BIRTHDATE", "birth_date"),
            computed("birth_year", ValueKind.SMALL, "birth_date"),
            computed("birth_month", ValueKind.SMALL, "birth_date"),
            computed("birth_precision", ValueKind.TEXT, "birth_date"),
            code("CASEPRIORITY_CODE", "case_priority_code", "case_priority"),
            date("DATE_OF_ENTRY", "date_of_entry"),
            code("CUSTODY", "custody", "custody"),
            date("E_28_DATE", "e28_date").event(),
            integer("ATTY_NBR", "atty_nbr")),
            List.of(), List.of(), RowRules.NONE),

    PROCEEDINGS("B_TblProceeding", "proceeding", "PROCEEDING", "idncase", List.of(
            id("IDNPROCEEDING", "idnproceeding"),
            ref("IDNCASE", "idncase", true),
            date("OSC_DATE", "osc_date").event(),
            date("INPUT_DATE", "input_date").event(),
            code("BASE_CITY_CODE", "base_city_code", "base_city"),
            code("HEARING_LOC_CODE", "hearing_loc_code", "hearing_location"),
            code("CASE_TYPE", "case_type", "case_type"),
            text("DEC_CODE", "dec_code"),
            text("DEC_TYPE", "dec_type"),
            text("OTHER_COMP", "other_comp"),
            date("COMP_DATE", "comp_date").event(),
            bool("ABSENTIA", "absentia"),
            text("APPEAL_RSVD", "appeal_rsvd"),
            text("APPEAL_NOT_FILED", "appeal_not_filed"),
            date("DATE_APPEAL_DUE_STATUS", "date_appeal_due_status"),
            code("CUSTODY", "custody", "custody")),
            List.of(new ForeignKey("idncase", "eoir_case", "idncase", "A_TblCase")), List.of(),
            RowRules.DECISION_READ_WITH_CASE_TYPE),

    MOTIONS("tbl_Court_Motions", "court_motion", "MOTION", "idncase", List.of(
            id("IDNMOTION", "idnmotion"),
            ref("IDNPROCEEDING", "idnproceeding", true),
            ref("IDNCASE", "idncase", true),
            code("REC_TYPE", "rec_type", "tblLookupMotionType"),
            date("INPUT_DATE", "input_date").event(),
            date("MOTION_RECD_DATE", "motion_recd_date").event(),
            code("STRFILINGPARTY", "filing_party", "tblLookupFiling_Method_Party"),
            code("DEC", "dec", "court_decision").gate(),
            date("COMP_DATE", "comp_date").event(),
            oneOf("STAY_GRANT", "stay_grant", "G", "D", "Y", "N"),
            bool("BLNDELETED", "deleted").blankIs("false").warnBlank()),
            List.of(new ForeignKey("idnproceeding", "proceeding", "idnproceeding", "B_TblProceeding"),
                    new ForeignKey("idncase", "eoir_case", "idncase", "A_TblCase")), List.of(),
            RowRules.NONE),

    APPEALS("tblAppeal", "appeal", "APPEAL", "idncase", List.of(
            id("idnAppeal", "idnappeal"),
            ref("idncase", "idncase", true),
            ref("idnProceeding", "idnproceeding", false),
            text("strAppealCategory", "appeal_category"),
            code("strAppealType", "appeal_type", "appeal_type").gate(),
            date("datAppealFiled", "appeal_filed").event(),
            code("strFiledBy", "filed_by", "tblLookupFiledBy"),
            code("strBIADecision", "bia_decision", "bia_decision").gate(),
            date("datBIADecision", "bia_decision_date").event(),
            code("strBIADecisionType", "bia_decision_type", "bia_decision_type")),
            List.of(new ForeignKey("idncase", "eoir_case", "idncase", "A_TblCase"),
                    new ForeignKey("idnproceeding", "proceeding", "idnproceeding", "B_TblProceeding")), List.of(),
            RowRules.NONE),

    /** Relief applications (asylum, withholding, CAT, cancellation, ...) and the judge's decision on each. */
    APPLICATIONS("tbl_Court_Appln", "court_application", "APPLICATION", "idncase", List.of(
            id("IDNPROCEEDINGAPPLN", "idnproceedingappln"),
            ref("IDNPROCEEDING", "idnproceeding", true),
            ref("IDNCASE", "idncase", true),
            code("APPL_CODE", "appl_code", "tblLookUp_Appln"),
            date("APPL_RECD_DATE", "appl_recd_date").event(),
            code("APPL_DEC", "appl_dec", "tblLookupCourtAppDecisions").gate()),
            List.of(new ForeignKey("idnproceeding", "proceeding", "idnproceeding", "B_TblProceeding"),
                    new ForeignKey("idncase", "eoir_case", "idncase", "A_TblCase")), List.of(),
            RowRules.NONE),

    /** Petitions for review in a federal court, by the BIA appeal they follow; the case comes from the appeal. */
    FED_COURT_APPEALS("tblAppealFedCourts", "appeal_fed_court", "FED_COURT_APPEAL", "idncase", List.of(
            id("idnAppealFedCourts", "idnappealfedcourts"),
            ref("lngAppealID", "idnappeal", true),
            computed("idncase", ValueKind.ID, null),
            date("datRequestedByOIL", "requested_by_oil"),
            date("datFedCourtDecision", "fed_court_decision_date").event(),
            code("strFedCourtDecision", "fed_court_decision", "tblLookupFedCourtDecision")),
            List.of(new ForeignKey("idnappeal", "appeal", "idnappeal", "tblAppeal")), List.of(),
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

    /**
     * The person file: links synthetic or agency-held identities to EOIR cases. Its key is computed. Its BIRTH_DATE
     * is the agency's record of the person and always a full date (a month alone is refused).
     */
    PERSONS("persons", "person", "PERSON", "idncase", List.of(
            computed("person_key", ValueKind.TEXT, null),
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
                    .mandatory().strict(),
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
