package org.caseops.legal.rules;

/** The gate's answer for one person on one date. */
public enum Status {
    /** A final, executable order of removal exists and nothing stands in the way on that date. */
    EXECUTABLE,
    /** At least one rule blocks removal on that date (no order, not final, stayed, citizen, no own case, hold...). */
    NOT_EXECUTABLE,
    /** Nothing blocks, but an open claim to U.S. citizenship must be resolved first (ICE Directive 16001.2). */
    FROZEN
}
