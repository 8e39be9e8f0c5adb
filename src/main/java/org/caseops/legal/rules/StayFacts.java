package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A stay of removal recorded in CaseOps (EOIR data does not carry these).
 *
 * @param kind      administrative (ICE, Form I-246) or judicial (a court of appeals or district court)
 * @param decidedOn the date the stay was decided (granted or denied)
 * @param granted   true if granted
 * @param until     last day the stay is in force; null = until lifted
 * @param reference the I-246 receipt or the court's docket number, for the attorney
 */
public record StayFacts(Kind kind, LocalDate decidedOn, boolean granted, LocalDate until, String reference) {

    /** Who granted the stay. */
    public enum Kind {
        ADMINISTRATIVE,
        JUDICIAL
    }

    public StayFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decidedOn, "decidedOn");
        reference = reference == null ? "" : reference;
    }
}
