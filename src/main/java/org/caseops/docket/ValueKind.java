package org.caseops.docket;

/** How an input column is read, and the SQL type it is stored as. */
enum ValueKind {
    /** A whole number key or reference, up to 18 digits. */
    ID("bigint"),
    /** A small whole number. */
    INTEGER("integer"),
    TEXT("text"),
    /** A date as EOIR writes it: 2019-02-11, 2019-02-11 00:00:00.000 or 02/11/2019. */
    DATE("date"),
    /** 1/0, True/False, Y/N, Yes/No. */
    BOOLEAN("boolean"),
    /** A code checked against an EOIR lookup table (or a fixed set). Kept as text: {@code 0830} stays {@code 0830}. */
    CODE("text"),
    /**
     * A date that may be given to the month only, as EOIR writes {@code C_BIRTHDATE} ({@code 11/2004}); stored as the
     * date when the day is known, with its year, month and precision in three computed columns.
     */
    MONTH_DATE("date"),
    /** A small whole number the importer computes (a year, a month). */
    SMALL("smallint");

    final String sqlType;

    ValueKind(String sqlType) {
        this.sqlType = sqlType;
    }
}
