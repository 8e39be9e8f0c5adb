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
 * @param leadAppeals     the lead case's appeals
 * @param leadMotions     the lead case's motions
 * @param leadProceedings the lead case's proceedings, to tell which decision a lead filing is against; empty when not
 *                        known (every lead filing is then read as possibly the family's)
 */
public record FamilyFacts(long leadCase, boolean active, LocalDate severedOn, List<AppealFacts> leadAppeals,
        List<MotionFacts> leadMotions, List<ProceedingFacts> leadProceedings) {

    public FamilyFacts {
        leadAppeals = List.copyOf(leadAppeals);
        leadMotions = List.copyOf(leadMotions);
        leadProceedings = List.copyOf(leadProceedings);
    }

    /** The lead's filings without its proceedings: every filing is read as possibly the family's. */
    public FamilyFacts(long leadCase, boolean active, LocalDate severedOn, List<AppealFacts> leadAppeals,
            List<MotionFacts> leadMotions) {
        this(leadCase, active, severedOn, leadAppeals, leadMotions, List.of());
    }

    /**
     * Whether a lead filing against the lead's proceeding {@code idnProceeding} (null: not recorded) may be the
     * family's filing against a rider order of {@code riderOrderDate}: the lead decision it is against was made the
     * same day (the family's common decision), or the release does not say which decision it is against.
     */
    public boolean mayBeFamilyFiling(Long idnProceeding, LocalDate riderOrderDate) {
        if (leadProceedings.isEmpty()) {
            return true;
        }
        ProceedingFacts against = null;
        for (ProceedingFacts p : leadProceedings) {
            if (idnProceeding != null ? p.idnProceeding() == idnProceeding
                    : p.compDate() != null && (against == null || p.idnProceeding() > against.idnProceeding())) {
                against = p;
            }
        }
        return against == null || against.compDate() == null || against.compDate().equals(riderOrderDate);
    }

    /** Riding on the lead on {@code date}: before the severance when one is dated, else while active. */
    public boolean ridingOn(LocalDate date) {
        return severedOn != null ? date.isBefore(severedOn) : active;
    }
}
