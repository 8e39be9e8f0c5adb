package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The person's case as a rider on a lead case ({@code tbl_Lead_Rider}), with the lead case's appeals and motions: a
 * family's appeal or motion is sometimes recorded only on the lead.
 *
 * @param leadCase    the lead's IDNCASE
 * @param active      blnActive
 * @param severedOn   datSeveredOn (null while joined)
 * @param leadAppeals the lead case's appeals
 * @param leadMotions the lead case's motions
 */
public record FamilyFacts(long leadCase, boolean active, LocalDate severedOn, List<AppealFacts> leadAppeals,
        List<MotionFacts> leadMotions) {

    public FamilyFacts {
        leadAppeals = List.copyOf(leadAppeals);
        leadMotions = List.copyOf(leadMotions);
    }

    /** Riding on the lead on {@code date}: before the severance when one is dated, else while active. */
    public boolean ridingOn(LocalDate date) {
        return severedOn != null ? date.isBefore(severedOn) : active;
    }
}
