package org.caseops.worksite.rules;

/** How one statutory factor moves the base amount: 5 % up, not at all, or 5 % down. */
public enum Direction {
    AGGRAVATING(5), NEUTRAL(0), MITIGATING(-5);

    private final int percent;

    Direction(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }
}
