package org.caseops.docket.synthetic;

/** What the law says about removing a person on a date, as the generator intends it (the legal rules are checked against it). */
public enum ExpectedVerdict {
    EXECUTABLE,
    NOT_EXECUTABLE,
    FROZEN,
    /** A person with no court case (for example a U.S.-citizen child): there is no order to execute. */
    NOT_SUBJECT_TO_REMOVAL
}
