package org.caseops.docket.synthetic;

/**
 * Whether a synthetic case had counsel, and when counsel appeared (its {@code E_28_DATE}) relative to the case's
 * decision; written to {@code truth.csv} as {@code COUNSEL}.
 */
enum Counsel {
    /** No attorney recorded: {@code E_28_DATE} and {@code ATTY_NBR} blank. */
    NONE,
    /** An appearance filed before the decision: for an in-absentia order, the respondent had counsel and then did
     * not appear. */
    BEFORE_DECISION,
    /** An appearance filed after the decision, as counsel who moves to reopen an in-absentia order files one. */
    AFTER_DECISION,
    /** Represented in a case not decided yet. */
    UNDECIDED;

    /** When the counsel of a represented case of this kind appeared. */
    static Counsel of(CaseKind kind) {
        return switch (kind) {
            case PENDING -> UNDECIDED;
            case MOTION_TO_REOPEN_PENDING, MOTION_TO_REOPEN_GRANTED, MOTION_DENIED, STAY_GRANTED -> AFTER_DECISION;
            default -> BEFORE_DECISION;
        };
    }
}
