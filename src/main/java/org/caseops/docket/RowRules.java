package org.caseops.docket;

import java.time.LocalDate;
import java.util.Locale;

/** The cross-column rules of the input tables. */
final class RowRules {

    private RowRules() {
    }

    static final RowRule NONE = (table, values, codes, problems) -> { };

    /** EOIR decision codes mean something only with the case type: RMV + X = removal ordered. */
    static final RowRule DECISION_READ_WITH_CASE_TYPE = (table, values, codes, problems) -> {
        String decCode = values[table.index("dec_code")];
        if (decCode == null) {
            return;
        }
        String caseType = values[table.index("case_type")];
        if (caseType == null) {
            problems.add("CASE_TYPE", "a decision (DEC_CODE " + decCode + ") needs the proceeding's case type");
        } else if (!codes.decision(caseType, decCode)) {
            problems.add("DEC_CODE", "'" + decCode + "' is not an EOIR decision code for case type " + caseType);
        }
    };

    /** The person file's rules; also computes the person's natural key. */
    static final RowRule PERSON = (table, values, codes, problems) -> {
        String aNumber = values[table.index("a_number")];
        boolean usCitizen = "t".equals(values[table.index("us_citizen")]);
        if (aNumber != null) {
            String digits = aNumber.replaceFirst("^[Aa]-?", "").replace("-", "");
            if (!digits.matches("[0-9]{9}")) {
                problems.add("A_NUMBER", "must be 9 digits, was '" + aNumber + "'");
            } else {
                values[table.index("a_number")] = digits;
            }
        } else if (values[table.index("us_citizen")] != null && !usCitizen) {
            problems.add("A_NUMBER", "required unless US_CITIZEN=Y");
        }
        if (usCitizen && "t".equals(values[table.index("lpr")])) {
            problems.add("LPR", "a U.S. citizen cannot also be a lawful permanent resident");
        }
        String idncase = values[table.index("idncase")];
        String householdOf = values[table.index("household_of")];
        if (idncase == null && householdOf == null) {
            problems.add("HOUSEHOLD_OF", "required for a household member with no case of their own");
        }
        if (idncase != null && householdOf != null) {
            problems.add("HOUSEHOLD_OF", "must be blank for a person with a case of their own (IDNCASE " + idncase + ")");
        }
        String birth = values[table.index("birth_date")];
        if (birth != null && LocalDate.parse(birth).isAfter(LocalDate.now())) {
            problems.add("BIRTH_DATE", "in the future: " + birth);
        }
        String zip = values[table.index("zip")];
        if (zip != null && !zip.matches("[0-9]{5}(-?[0-9]{4})?")) {
            problems.add("ZIP", "must be a 5-digit ZIP code, was '" + zip + "'");
        }
        String state = values[table.index("state")];
        if (state != null) {
            values[table.index("state")] = state.toUpperCase(Locale.ROOT);
        }
        String nationality = values[table.index("nationality")];
        if (nationality != null && !"US".equals(nationality) && !codes.contains("nationality", nationality)) {
            problems.add("NATIONALITY", "'" + nationality + "' is not an EOIR nationality code (or US)");
        }
        if (problems.any()) {
            return;
        }
        values[table.index("person_key")] = aNumber != null
                ? "A" + values[table.index("a_number")]
                : String.join(":", "H", householdOf,
                        values[table.index("family_name")].toUpperCase(Locale.ROOT),
                        values[table.index("given_name")].toUpperCase(Locale.ROOT), birth);
    };
}
