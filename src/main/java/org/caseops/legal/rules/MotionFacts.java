package org.caseops.legal.rules;

import java.time.LocalDate;

/**
 * One row of EOIR's {@code tbl_Court_Motions} for the person's own case (deleted rows left out by the loader).
 *
 * @param idnMotion     IDNMOTION
 * @param idnProceeding IDNPROCEEDING (null if not recorded)
 * @param receivedDate  MOTION_RECD_DATE
 * @param decision      DEC: {@code G} granted, {@code D} denied, null or blank = pending, other codes kept as given
 * @param decisionDate  COMP_DATE of the motion (null while pending)
 * @param stayGrant     STAY_GRANT: {@code G}/{@code Y} stay granted, {@code D}/{@code N} denied, null = none
 * @param motionType    REC_TYPE (tblLookupMotionType), e.g. {@code MA} reopen an in-absentia order, {@code CO}
 *                      continuance; null when not recorded (read as a motion to reopen)
 * @param filingParty   STRFILINGPARTY, e.g. {@code A} alien, {@code I} DHS; null if not recorded
 */
public record MotionFacts(long idnMotion, Long idnProceeding, LocalDate receivedDate, String decision,
        LocalDate decisionDate, String stayGrant, String motionType, String filingParty) {

    public MotionFacts {
        decision = decision == null || decision.isBlank() ? null : decision.trim();
        stayGrant = stayGrant == null || stayGrant.isBlank() ? null : stayGrant.trim();
        motionType = motionType == null || motionType.isBlank() ? null : motionType.trim();
        filingParty = filingParty == null || filingParty.isBlank() ? null : filingParty.trim();
    }

    /** A motion whose type and filing party were not recorded. */
    public MotionFacts(long idnMotion, Long idnProceeding, LocalDate receivedDate, String decision,
            LocalDate decisionDate, String stayGrant) {
        this(idnMotion, idnProceeding, receivedDate, decision, decisionDate, stayGrant, null, null);
    }

    /** True when STAY_GRANT says a stay of removal was granted. */
    public boolean stayGranted() {
        return "G".equals(stayGrant) || "Y".equals(stayGrant);
    }
}
