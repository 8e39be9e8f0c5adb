package org.caseops.docket;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with one input row, and what is merely odd about it. Problems keep the row out (quarantine): the first
 * column at fault and every reason, in the order found. Warnings keep the row and are listed in the import report
 * (an unknown code in a descriptive column, a code the legal gate cannot read without an attorney).
 */
final class RowProblems {

    /** Separates the fields of one warning, and warnings from each other, in the staging table's text. */
    static final char FIELD = '\u001f';
    static final char RECORD = '\u001e';

    private String column;
    private final StringBuilder reasons = new StringBuilder();
    private final List<String> warnings = new ArrayList<>(2);

    void add(String column, String reason) {
        if (this.column == null) {
            this.column = column;
        }
        if (!reasons.isEmpty()) {
            reasons.append("; ");
        }
        reasons.append(column == null ? "" : column + ": ").append(reason);
    }

    /** The row is kept; {@code value} as written in the file. */
    void warn(String column, String value, String reason) {
        warnings.add(clean(column) + FIELD + clean(value) + FIELD + clean(reason));
    }

    boolean any() {
        return !reasons.isEmpty();
    }

    String column() {
        return column;
    }

    String reason() {
        return reasons.toString();
    }

    boolean anyWarning() {
        return !warnings.isEmpty();
    }

    List<String> warningNotes() {
        return warnings;
    }

    /** The warnings as one text for the staging table: fields split by {@link #FIELD}, warnings by {@link #RECORD}. */
    String warningText() {
        return warnings.isEmpty() ? null : String.join(String.valueOf(RECORD), warnings);
    }

    void clear() {
        column = null;
        reasons.setLength(0);
        warnings.clear();
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace(FIELD, ' ').replace(RECORD, ' ');
    }
}
