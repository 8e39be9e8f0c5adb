package org.caseops.legal.rules;

import java.time.LocalDate;

/**
 * One row of EOIR's {@code tblAppealFedCourts}: a petition for review of a BIA decision in a federal court of appeals.
 *
 * @param idnAppealFedCourts idnAppealFedCourts
 * @param idnAppeal          lngAppealID, the BIA appeal whose decision is under review
 * @param requestedByOil     datRequestedByOIL: the earliest date the release shows the petition existed (null if
 *                           none)
 * @param decisionDate       datFedCourtDecision (null while pending)
 * @param decision           strFedCourtDecision (tblLookupFedCourtDecision): {@code REM} remand, {@code DIS}
 *                           dismiss; null = pending
 */
public record PetitionFacts(long idnAppealFedCourts, long idnAppeal, LocalDate requestedByOil, LocalDate decisionDate,
        String decision) {

    public PetitionFacts {
        decision = decision == null || decision.isBlank() ? null : decision.trim();
    }
}
