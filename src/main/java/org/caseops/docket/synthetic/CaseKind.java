package org.caseops.docket.synthetic;

/** The situation a synthetic case is built to be in, with the verdict the law gives for it on 2019-06-23. */
public enum CaseKind {
    IN_ABSENTIA_REMOVAL(ExpectedVerdict.EXECUTABLE),
    REMOVAL_APPEAL_WAIVED(ExpectedVerdict.EXECUTABLE),
    REMOVAL_APPEAL_DISMISSED(ExpectedVerdict.EXECUTABLE),
    APPEAL_PENDING(ExpectedVerdict.NOT_EXECUTABLE),
    APPEAL_WINDOW_OPEN(ExpectedVerdict.NOT_EXECUTABLE),
    MOTION_TO_REOPEN_PENDING(ExpectedVerdict.NOT_EXECUTABLE),
    MOTION_TO_REOPEN_GRANTED(ExpectedVerdict.NOT_EXECUTABLE),
    MOTION_DENIED(ExpectedVerdict.EXECUTABLE),
    STAY_GRANTED(ExpectedVerdict.NOT_EXECUTABLE),
    VOLUNTARY_DEPARTURE_RUNNING(ExpectedVerdict.NOT_EXECUTABLE),
    VOLUNTARY_DEPARTURE_OVERSTAYED(ExpectedVerdict.EXECUTABLE),
    TERMINATED(ExpectedVerdict.NOT_EXECUTABLE),
    RELIEF_GRANTED(ExpectedVerdict.NOT_EXECUTABLE),
    PENDING(ExpectedVerdict.NOT_EXECUTABLE),
    NEWER_PROCEEDING_PENDING(ExpectedVerdict.NOT_EXECUTABLE),
    CITIZENSHIP_CLAIM_OPEN(ExpectedVerdict.FROZEN);

    private final ExpectedVerdict verdictOn20190623;

    CaseKind(ExpectedVerdict verdictOn20190623) {
        this.verdictOn20190623 = verdictOn20190623;
    }

    /** The verdict the law gives for a case of this kind on 2019-06-23. */
    public ExpectedVerdict verdictOn20190623() {
        return verdictOn20190623;
    }

    /** True for the kinds whose facts contain a removal order (the person could not be an LPR). */
    boolean hasRemovalOrder() {
        return this != PENDING && this != TERMINATED && this != RELIEF_GRANTED;
    }
}
