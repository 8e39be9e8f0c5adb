package org.caseops.docket;

/**
 * The case index: one row per case with what its latest proceeding says, where it is heard and its family — the
 * case_summary view, kept as a table so that lists and counts over millions of cases use indexes. The view stays
 * the one definition; the importer refreshes the rows of the cases it inserted or changed, in its transaction.
 */
final class CaseIndex {

    private CaseIndex() {
    }

    static final String TABLE = "case_index";
    static final String COLUMNS = "idncase, nat, lang, case_type, idnproceeding, hearing_loc_code, base_city_code, "
            + "dec_code, comp_date, absentia, order_type, field_office_code, family_id, represented";

    /**
     * Builds the index of an import that started on an empty docket (and an empty index): every case is the import's,
     * so the whole view is written at once, without looking up each case or noting it first.
     */
    static final String BUILD = "insert into case_index (" + COLUMNS + ") select " + COLUMNS + " from case_summary";

    /** Refreshes the cases in {@code touched_cases} (a temporary table of the import) from the view. */
    static final String REFRESH_TOUCHED = "insert into case_index (" + COLUMNS + ") select " + COLUMNS
            + " from case_summary where idncase in (select idncase from touched_cases)"
            + " on conflict (idncase) do update set nat = excluded.nat, lang = excluded.lang,"
            + " case_type = excluded.case_type, idnproceeding = excluded.idnproceeding,"
            + " hearing_loc_code = excluded.hearing_loc_code, base_city_code = excluded.base_city_code,"
            + " dec_code = excluded.dec_code, comp_date = excluded.comp_date, absentia = excluded.absentia,"
            + " order_type = excluded.order_type, field_office_code = excluded.field_office_code,"
            + " family_id = excluded.family_id, represented = excluded.represented";
}
