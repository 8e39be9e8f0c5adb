package org.caseops.worksite.rules;

/**
 * The five factors 8 U.S.C. 1324a(e)(5) requires "due consideration" of when a paperwork penalty is set (also
 * 8 CFR 274a.10(b)(2)).
 */
public enum Factor {
    SIZE_OF_BUSINESS("the size of the business of the employer being charged"),
    GOOD_FAITH("the good faith of the employer"),
    SERIOUSNESS("the seriousness of the violation"),
    UNAUTHORIZED_WORKERS("whether or not the individual was an unauthorized alien"),
    HISTORY("the history of previous violations");

    private final String statute;

    Factor(String statute) {
        this.statute = statute;
    }

    /** The factor in the statute's words. */
    public String statute() {
        return statute;
    }
}
