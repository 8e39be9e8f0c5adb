package org.caseops.docket;

import java.time.LocalDate;
import java.util.Locale;

/** The cross-column rules of the input tables. */
final class RowRules {

    private RowRules() {
    }

    static final RowRule NONE = (table, values, codes, problems) -> { };

    /**
     * EOIR decision codes mean something only with the case type: RMV + X = removal ordered. A code the decision table
     * does not have for the case type keeps the row, with a warning: the legal gate answers NOT_EXECUTABLE for
     * attorney review until an attorney records what it means.
     */
    static final RowRule DECISION_READ_WITH_CASE_TYPE = (table, values, codes, problems) -> {
        String caseType = values[table.index("case_type")];
        for (String[] column : new String[][] {{"dec_code", "DEC_CODE"}, {"other_comp", "OTHER_COMP"}}) {
            String code = values[table.index(column[0])];
            if (code == null) {
                continue;
            }
            if (caseType == null) {
                problems.warn(column[1], code, "a decision without the proceeding's CASE_TYPE, so it cannot be read "
                        + "(RMV + X is a removal order, DEP + X is not); row kept: the legal gate answers "
                        + "NOT_EXECUTABLE for attorney review");
            } else if (!codes.decision(caseType, code)) {
                problems.warn(column[1], code, StagingLoader.unknownCode(true, "not an EOIR decision code for case "
                        + "type " + caseType));
            }
        }
    };

    private static final java.util.regex.Pattern A_PREFIX = java.util.regex.Pattern.compile("^[Aa]-?");
    private static final java.util.regex.Pattern NINE_DIGITS = java.util.regex.Pattern.compile("[0-9]{9}");
    private static final java.util.regex.Pattern ZIP = java.util.regex.Pattern.compile("[0-9]{5}(-?[0-9]{4})?");

    /** The person file's rules; also computes the person's natural key. Patterns compiled once, not per row. */
    static final RowRule PERSON = (table, values, codes, problems) -> {
        String aNumber = values[table.index("a_number")];
        boolean usCitizen = "t".equals(values[table.index("us_citizen")]);
        if (aNumber != null) {
            String digits = A_PREFIX.matcher(aNumber).replaceFirst("").replace("-", "");
            if (!NINE_DIGITS.matcher(digits).matches()) {
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
        if (zip != null && !ZIP.matcher(zip).matches()) {
            problems.add("ZIP", "must be a 5-digit ZIP code, was '" + zip + "'");
        }
        String state = values[table.index("state")];
        if (state != null) {
            values[table.index("state")] = state.toUpperCase(Locale.ROOT);
        }
        String nationality = values[table.index("nationality")];
        if (nationality != null && !"US".equals(nationality) && !codes.contains("nationality", nationality)) {
            problems.warn("NATIONALITY", nationality, StagingLoader.unknownCode(false,
                    "not in EOIR's nationality lookup, nor US"));
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
