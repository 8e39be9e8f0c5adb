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
    /** A code that must be in an EOIR lookup table (or a fixed set). */
    CODE("text");

    final String sqlType;

    ValueKind(String sqlType) {
        this.sqlType = sqlType;
    }
}
