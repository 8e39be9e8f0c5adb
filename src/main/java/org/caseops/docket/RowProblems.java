package org.caseops.docket;

/** What is wrong with one input row: the first column at fault and every reason, in column order. */
final class RowProblems {

    private String column;
    private final StringBuilder reasons = new StringBuilder();

    void add(String column, String reason) {
        if (this.column == null) {
            this.column = column;
        }
        if (!reasons.isEmpty()) {
            reasons.append("; ");
        }
        reasons.append(column == null ? "" : column + ": ").append(reason);
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

    void clear() {
        column = null;
        reasons.setLength(0);
    }
}
