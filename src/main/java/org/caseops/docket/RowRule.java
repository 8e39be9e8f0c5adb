package org.caseops.docket;

/** Checks across the columns of one row, after each value has been read on its own. */
@FunctionalInterface
interface RowRule {

    /**
     * @param values   the row's normalized values by column position ({@code null} = blank); may be completed
     *                 (computed columns)
     * @param problems where to report what is wrong
     */
    void check(ImportTable table, String[] values, CodeSets codes, RowProblems problems);
}
