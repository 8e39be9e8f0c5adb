package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A protection from removal that EOIR's docket does not record, entered by an attorney with its evidence. It blocks
 * removal from {@code from} until it ends: on {@code until} inclusive (a dated grant), or the day it was ended
 * ({@code endedOn}, exclusive), whichever comes first; with neither, until an attorney ends it.
 *
 * @param kind     what protects the person
 * @param from     first day in force
 * @param until    last day in force when the grant is dated (e.g. a TPS or deferred-action validity end); null = open
 * @param endedOn  the day an attorney recorded that it ended (no longer in force that day); null while in force
 * @param evidence the evidence reference (receipt, approval notice, court docket number, judgment)
 */
public record ProtectionFacts(Kind kind, LocalDate from, LocalDate until, LocalDate endedOn, String evidence) {

    /** The protections EOIR does not record, each with the law that makes it bar removal. */
    public enum Kind {
        TPS("Temporary Protected Status", "INA 244(a)(1)(A); 8 CFR 244.10"),
        DEFERRED_ACTION("Deferred action (DACA or other)", "8 CFR 236.21-236.23 (DACA); 8 CFR 274a.12(c)(14)"),
        U_VISA_STAY("Stay of removal for a U visa petitioner", "INA 237(d)(1); 8 CFR 214.14(c)(1)(ii)"),
        T_VISA_STAY("Stay of removal for a T visa applicant", "INA 237(d)(1); 8 CFR 214.11"),
        JUDICIAL_STAY("Stay of removal by a court of appeals on a petition for review", "INA 242(b)(3)(B)"),
        PENDING_JUDICIAL_STAY_MOTION("Motion for a stay pending on a petition for review (temporary stay or "
                + "government forbearance while the court decides)", "INA 242(b)(3)(B); 9th Cir. General Order 6.4(c)"),
        IJ_STAY("Discretionary stay of removal by the immigration judge", "8 CFR 1003.23(b)(1)(v)"),
        BIA_STAY("Discretionary stay of removal by the Board of Immigration Appeals", "8 CFR 1003.2(f); 8 CFR 1003.6(b)"),
        CRIMINAL_SENTENCE("Serving a criminal sentence of imprisonment", "INA 241(a)(4)(A)");

        private final String label;
        private final String citation;

        Kind(String label, String citation) {
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

    public ProtectionFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        if (evidence == null || evidence.isBlank()) {
            throw new IllegalArgumentException("A protection needs its evidence reference");
        }
    }

    /** True on {@code date}: started, not past its dated end, not ended. */
    public boolean inForceOn(LocalDate date) {
        return !from.isAfter(date) && (until == null || !until.isBefore(date))
                && (endedOn == null || endedOn.isAfter(date));
    }

    /** The first day it no longer applies, when known from the dates. */
    public LocalDate firstDayOut() {
        LocalDate afterUntil = until == null ? null : until.plusDays(1);
        if (endedOn == null) {
            return afterUntil;
        }
        return afterUntil == null || endedOn.isBefore(afterUntil) ? endedOn : afterUntil;
    }
}
