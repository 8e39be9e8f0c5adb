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
        String caseType = values[Proceedings.CASE_TYPE];
        decision(values[Proceedings.DEC_CODE], "DEC_CODE", caseType, codes, problems);
        decision(values[Proceedings.OTHER_COMP], "OTHER_COMP", caseType, codes, problems);
    };

    private static void decision(String code, String column, String caseType, CodeSets codes, RowProblems problems) {
        if (code == null) {
            return;
        }
        if (caseType == null) {
            problems.warn(column, code, "a decision without the proceeding's CASE_TYPE, so it cannot be read "
                    + "(RMV + X is a removal order, DEP + X is not); row kept: the legal gate answers "
                    + "NOT_EXECUTABLE for attorney review");
        } else if (!codes.decision(caseType, code)) {
            problems.warn(column, code, StagingLoader.unknownCode(true, "not an EOIR decision code for case "
                    + "type " + caseType));
        }
    }

    /** The proceedings' columns the rule reads, looked up once (a rule runs on every row; ADR 007 step 6). */
    private static final class Proceedings {
        static final int CASE_TYPE = ImportTable.PROCEEDINGS.index("case_type");
        static final int DEC_CODE = ImportTable.PROCEEDINGS.index("dec_code");
        static final int OTHER_COMP = ImportTable.PROCEEDINGS.index("other_comp");
    }

    /** The person file's columns the rule reads and writes, looked up once. */
    private static final class Persons {
        static final int A_NUMBER = ImportTable.PERSONS.index("a_number");
        static final int US_CITIZEN = ImportTable.PERSONS.index("us_citizen");
        static final int LPR = ImportTable.PERSONS.index("lpr");
        static final int IDNCASE = ImportTable.PERSONS.index("idncase");
        static final int HOUSEHOLD_OF = ImportTable.PERSONS.index("household_of");
        static final int BIRTH_DATE = ImportTable.PERSONS.index("birth_date");
        static final int ZIP = ImportTable.PERSONS.index("zip");
        static final int STATE = ImportTable.PERSONS.index("state");
        static final int NATIONALITY = ImportTable.PERSONS.index("nationality");
        static final int PERSON_KEY = ImportTable.PERSONS.index("person_key");
        static final int FAMILY_NAME = ImportTable.PERSONS.index("family_name");
        static final int GIVEN_NAME = ImportTable.PERSONS.index("given_name");
    }

    /**
     * The person file's rules; also computes the person's natural key. No regular expression and no date parsed on
     * the way (3 M rows in a national import): each check is written out as the pattern it stands for.
     */
    static final RowRule PERSON = (table, values, codes, problems) -> {
        String aNumber = values[Persons.A_NUMBER];
        boolean usCitizen = "t".equals(values[Persons.US_CITIZEN]);
        if (aNumber != null) {
            String digits = aNumberDigits(aNumber);
            if (digits == null) {
                problems.add("A_NUMBER", "must be 9 digits, was '" + aNumber + "'");
            } else {
                values[Persons.A_NUMBER] = digits;
            }
        } else if (values[Persons.US_CITIZEN] != null && !usCitizen) {
            problems.add("A_NUMBER", "required unless US_CITIZEN=Y");
        }
        if (usCitizen && "t".equals(values[Persons.LPR])) {
            problems.add("LPR", "a U.S. citizen cannot also be a lawful permanent resident");
        }
        String idncase = values[Persons.IDNCASE];
        String householdOf = values[Persons.HOUSEHOLD_OF];
        if (idncase == null && householdOf == null) {
            problems.add("HOUSEHOLD_OF", "required for a household member with no case of their own");
        }
        if (idncase != null && householdOf != null) {
            problems.add("HOUSEHOLD_OF", "must be blank for a person with a case of their own (IDNCASE " + idncase + ")");
        }
        String birth = values[Persons.BIRTH_DATE];
        // ISO dates (EoirValues.date: four-digit years 1800-2199) compare as text as they do as dates
        if (birth != null && birth.compareTo(Today.iso()) > 0) {
            problems.add("BIRTH_DATE", "in the future: " + birth);
        }
        String zip = values[Persons.ZIP];
        if (zip != null && !zip(zip)) {
            problems.add("ZIP", "must be a 5-digit ZIP code, was '" + zip + "'");
        }
        String state = values[Persons.STATE];
        if (state != null) {
            values[Persons.STATE] = state.toUpperCase(Locale.ROOT);
        }
        String nationality = values[Persons.NATIONALITY];
        if (nationality != null && !"US".equals(nationality) && !codes.contains("nationality", nationality)) {
            problems.warn("NATIONALITY", nationality, StagingLoader.unknownCode(false,
                    "not in EOIR's nationality lookup, nor US"));
        }
        if (problems.any()) {
            return;
        }
        values[Persons.PERSON_KEY] = aNumber != null
                ? "A" + values[Persons.A_NUMBER]
                : String.join(":", "H", householdOf,
                        values[Persons.FAMILY_NAME].toUpperCase(Locale.ROOT),
                        values[Persons.GIVEN_NAME].toUpperCase(Locale.ROOT), birth);
    };

    /**
     * An A-number's nine digits, or null: an {@code A} or {@code a} and a hyphen after it dropped, then every hyphen
     * (what {@code ^[Aa]-?} replaced by nothing, then {@code -} removed, leaves), matching {@code [0-9]{9}}.
     */
    static String aNumberDigits(String aNumber) {
        int from = 0;
        if (!aNumber.isEmpty() && (aNumber.charAt(0) == 'A' || aNumber.charAt(0) == 'a')) {
            from = aNumber.length() > 1 && aNumber.charAt(1) == '-' ? 2 : 1;
        }
        String digits = aNumber.substring(from);
        if (digits.indexOf('-') >= 0) {
            digits = digits.replace("-", "");
        }
        if (digits.length() != 9) {
            return null;
        }
        for (int i = 0; i < 9; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return digits;
    }

    /** Whether the text matches {@code [0-9]{5}(-?[0-9]{4})?}. */
    static boolean zip(String zip) {
        int n = zip.length();
        if (n != 5 && n != 9 && n != 10) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = zip.charAt(i);
            if (n == 10 && i == 5) {
                if (c != '-') {
                    return false;
                }
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Today on the machine's clock as an ISO date, read again at most once a second rather than on every row. */
    private static final class Today {
        private static volatile long until;
        private static volatile String iso;

        static String iso() {
            long now = System.currentTimeMillis();
            String today = iso;
            if (today == null || now >= until) {
                today = LocalDate.now().toString();
                iso = today;
                until = now + 1000;
            }
            return today;
        }
    }
}
