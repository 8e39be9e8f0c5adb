package org.caseops.docket;

import java.util.Set;

/**
 * One input column CaseOps reads.
 *
 * @param source    the column's name in the input file (matched without regard to case)
 * @param target    the database column
 * @param kind      how the value is read
 * @param required  whether a blank value rejects the row
 * @param codeTable for {@link ValueKind#CODE}: the {@code eoir_code.code_table}, or {@code null} with {@code allowed}
 * @param allowed   for {@link ValueKind#CODE} without a lookup table: the fixed set of values
 * @param blankIs   the SQL value a blank stands for when the database column has one (a blank BLNDELETED is not
 *                  deleted), or {@code null}
 */
record Column(String source, String target, ValueKind kind, boolean required, String codeTable, Set<String> allowed,
        String blankIs) {

    static Column id(String source, String target) {
        return new Column(source, target, ValueKind.ID, true, null, Set.of(), null);
    }

    static Column ref(String source, String target, boolean required) {
        return new Column(source, target, ValueKind.ID, required, null, Set.of(), null);
    }

    static Column text(String source, String target) {
        return new Column(source, target, ValueKind.TEXT, false, null, Set.of(), null);
    }

    static Column requiredText(String source, String target) {
        return new Column(source, target, ValueKind.TEXT, true, null, Set.of(), null);
    }

    static Column date(String source, String target) {
        return new Column(source, target, ValueKind.DATE, false, null, Set.of(), null);
    }

    static Column bool(String source, String target) {
        return new Column(source, target, ValueKind.BOOLEAN, false, null, Set.of(), null);
    }

    static Column integer(String source, String target) {
        return new Column(source, target, ValueKind.INTEGER, false, null, Set.of(), null);
    }

    /** A code checked against an EOIR lookup table. */
    static Column code(String source, String target, String codeTable) {
        return new Column(source, target, ValueKind.CODE, false, codeTable, Set.of(), null);
    }

    /** A code checked against a fixed set. */
    static Column oneOf(String source, String target, String... values) {
        return new Column(source, target, ValueKind.CODE, false, null, Set.of(values), null);
    }

    Column mandatory() {
        return new Column(source, target, kind, true, codeTable, allowed, blankIs);
    }

    /** A blank in the file stands for this SQL value. */
    Column blankIs(String sqlValue) {
        return new Column(source, target, kind, required, codeTable, allowed, sqlValue);
    }
}
