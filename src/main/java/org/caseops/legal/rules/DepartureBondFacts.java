package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A voluntary-departure bond recorded in CaseOps for the order that granted voluntary departure (EOIR's release does
 * not carry it). 8 CFR 1240.26(c)(3): the bond is posted with DHS within 5 business days of the order; if it is not
 * posted within 5 business days, the voluntary departure order vacates automatically and the alternate order of
 * removal takes effect on the following day.
 *
 * @param orderedOn the date of the order granting voluntary departure
 * @param dueOn     the fifth business day after the order, the last day to post the bond
 * @param postedOn  the day the bond was posted; null while it is not
 */
public record DepartureBondFacts(LocalDate orderedOn, LocalDate dueOn, LocalDate postedOn) {

    /** The regulation the bond rule applies. */
    public static final String CITATION = "8 CFR 1240.26(c)(3)";

    public DepartureBondFacts {
        Objects.requireNonNull(orderedOn, "orderedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        if (!dueOn.isAfter(orderedOn)) {
            throw new IllegalArgumentException("a bond is due after the order");
        }
    }

    /**
     * Whether the bond, on {@code asOf}, was not posted within its 5 business days: the due date has passed and it was
     * posted after it or not at all (a bond posted late does not bring the grant back).
     */
    public boolean missedOn(LocalDate asOf) {
        return asOf.isAfter(dueOn) && (postedOn == null || postedOn.isAfter(dueOn));
    }

    /** The day the alternate order of removal takes effect when the bond is missed: the day after the due date. */
    public LocalDate vacatesOn() {
        return dueOn.plusDays(1);
    }
}
