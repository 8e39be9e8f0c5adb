package org.caseops.legal.rules;

/** What one finding does to the verdict. */
public enum Effect {
    /** Stands in the way of removal: the verdict is NOT_EXECUTABLE. */
    BLOCKS,
    /** Holds removal until a claim is resolved: the verdict is FROZEN unless something BLOCKS. */
    FREEZES,
    /** The rule was checked and does not stand in the way. */
    ALLOWS,
    /** Information for the attorney; never changes the verdict. */
    INFORMS;

    /** True for the effects that stand in the way of removal. */
    public boolean standsInTheWay() {
        return this == BLOCKS || this == FREEZES;
    }
}
