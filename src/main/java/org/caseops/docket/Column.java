package org.caseops.docket;

import java.util.Set;

/**
 * One input column CaseOps reads.
 *
 * @param source      the column's name in the input file (matched without regard to case), or {@code null} for a
 *                    column the importer computes
 * @param aliases     other names EOIR has written the column under ({@code Sex} is {@code GENDER} in some releases)
 * @param target      the database column
 * @param kind        how the value is read
 * @param required    whether a blank value rejects the row
 * @param codeTable   for {@link ValueKind#CODE}: the {@code eoir_code.code_table}, or {@code null} with {@code allowed}
 * @param allowed     for {@link ValueKind#CODE} without a lookup table: the fixed set of values
 * @param blankIs     the SQL value a blank stands for when the database column has one (a blank BLNDELETED is not
 *                    deleted), or {@code null}
 * @param onBad       what an unknown code or an unreadable yes/no does to the row (see {@link OnBad})
 * @param gateReads   the legal gate reads this column: an unknown value is kept for an attorney to review
 * @param derivedFrom for a computed column: the target column it is computed from, so that it is absent from a file
 *                    exactly when that one is; {@code null} = always present
 * @param dated       a date of something that has happened (a record entered, a decision, a filing): counts towards
 *                    the release date an import infers from its files
 */
record Column(String source, Set<String> aliases, String target, ValueKind kind, boolean required, String codeTable,
        Set<String> allowed, String blankIs, OnBad onBad, boolean gateReads, String derivedFrom, boolean dated) {

    /** What a value that is well formed but not known does to its row. */
    enum OnBad {
        /** The row cannot be stored: it is quarantined. */
        QUARANTINE,
        /** The row is kept with the value as EOIR wrote it, and a warning. */
        WARN_KEEP,
        /** The row is kept with the value blank (the database cannot hold it), and a warning. */
        WARN_BLANK
    }

    private static Column of(String source, String target, ValueKind kind, boolean required, String codeTable,
            Set<String> allowed, OnBad onBad) {
        return new Column(source, Set.of(), target, kind, required, codeTable, allowed, null, onBad, false, null,
                false);
    }

    static Column id(String source, String target) {
        return of(source, target, ValueKind.ID, true, null, Set.of(), OnBad.QUARANTINE);
    }

    static Column ref(String source, String target, boolean required) {
        return of(source, target, ValueKind.ID, required, null, Set.of(), OnBad.QUARANTINE);
    }

    static Column text(String source, String target) {
        return of(source, target, ValueKind.TEXT, false, null, Set.of(), OnBad.QUARANTINE);
    }

    static Column requiredText(String source, String target) {
        return of(source, target, ValueKind.TEXT, true, null, Set.of(), OnBad.QUARANTINE);
    }

    static Column date(String source, String target) {
        return of(source, target, ValueKind.DATE, false, null, Set.of(), OnBad.QUARANTINE);
    }

    static Column bool(String source, String target) {
        return of(source, target, ValueKind.BOOLEAN, false, null, Set.of(), OnBad.QUARANTINE);
    }

    static Column integer(String source, String target) {
        return of(source, target, ValueKind.INTEGER, false, null, Set.of(), OnBad.QUARANTINE);
    }

    /** A code checked against an EOIR lookup table; an unknown code keeps the row with a warning. */
    static Column code(String source, String target, String codeTable) {
        return of(source, target, ValueKind.CODE, false, codeTable, Set.of(), OnBad.WARN_KEEP);
    }

    /** A code checked against a fixed set; an unknown code keeps the row with a warning. */
    static Column oneOf(String source, String target, String... values) {
        return of(source, target, ValueKind.CODE, false, null, Set.of(values), OnBad.WARN_KEEP);
    }

    /**
     * EOIR's {@code C_BIRTHDATE}: a month and year ({@code 11/2004}), or a full date. Must be followed in the table by
     * its three computed columns {@code <x>_year}, {@code <x>_month}, {@code <x>_precision} (see
     * {@link #computed(String, ValueKind, String)}); the column itself holds the date only when the day is known.
     */
    static Column monthDate(String source, String target) {
        return of(source, target, ValueKind.MONTH_DATE, false, null, Set.of(), OnBad.QUARANTINE);
    }

    /** A column the importer computes from {@code from} (another target of the same table). */
    static Column computed(String target, ValueKind kind, String from) {
        return new Column(null, Set.of(), target, kind, false, null, Set.of(), null, OnBad.QUARANTINE, false, from,
                false);
    }

    Column mandatory() {
        return new Column(source, aliases, target, kind, true, codeTable, allowed, blankIs, onBad, gateReads,
                derivedFrom, dated);
    }

    /** A blank in the file stands for this SQL value. */
    Column blankIs(String sqlValue) {
        return new Column(source, aliases, target, kind, required, codeTable, allowed, sqlValue, onBad, gateReads,
                derivedFrom, dated);
    }

    /** Also found under these names. */
    Column alias(String... names) {
        return new Column(source, Set.of(names), target, kind, required, codeTable, allowed, blankIs, onBad,
                gateReads, derivedFrom, dated);
    }

    /** An unknown or unreadable value keeps the row with a warning and the value blank. */
    Column warnBlank() {
        return new Column(source, aliases, target, kind, required, codeTable, allowed, blankIs, OnBad.WARN_BLANK,
                gateReads, derivedFrom, dated);
    }

    /** An unknown value quarantines the row (a value CaseOps's own rules need, not an EOIR code). */
    Column strict() {
        return new Column(source, aliases, target, kind, required, codeTable, allowed, blankIs, OnBad.QUARANTINE,
                gateReads, derivedFrom, dated);
    }

    /** The legal gate reads this column: an unknown value is kept for an attorney to review. */
    Column gate() {
        return new Column(source, aliases, target, kind, required, codeTable, allowed, blankIs, onBad, true,
                derivedFrom, dated);
    }

    /** A date of something that has happened: counts towards the release date inferred from the files. */
    Column event() {
        return new Column(source, aliases, target, kind, required, codeTable, allowed, blankIs, onBad, gateReads,
                derivedFrom, true);
    }

    /** The name to use in messages: the file's column name, or the target for a computed column. */
    String label() {
        return source == null ? target.toUpperCase(java.util.Locale.ROOT) : source;
    }
}
