package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A voluntary-departure deadline recorded in CaseOps from the order that set it (EOIR's release does not carry it).
 * The latest one ordered on or before the as-of date governs.
 *
 * @param lastDay   the last day to depart (not moved by weekends or holidays)
 * @param source    who set it
 * @param orderedOn the date of the order or extension
 * @param reference the order's reference, for the attorney
 */
public record DepartureDeadlineFacts(LocalDate lastDay, Source source, LocalDate orderedOn, String reference) {

    /** Who may set a departure deadline (8 CFR 1240.26). */
    public enum Source {
        IJ_ORDER("the immigration judge's order", "8 CFR 1240.26(b), (c)"),
        BIA_ORDER("the BIA's order", "8 CFR 1240.26(c)(3), (i)"),
        DHS_EXTENSION("an extension by DHS", "8 CFR 1240.26(f)");

        private final String label;
        private final String citation;

        Source(String label, String citation) {
            this.label = label;
            this.citation = citation;
        }

        public String label() {
            return label;
        }

        public String citation() {
            return citation;
        }
    }

    public DepartureDeadlineFacts {
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(orderedOn, "orderedOn");
        reference = reference == null ? "" : reference.trim();
    }
}
