package org.caseops.legal.rules;

import java.time.LocalDate;

/**
 * One row of EOIR's {@code tbl_Court_Appln}: an application for relief in a proceeding and the court's decision on
 * it.
 *
 * @param idnProceedingAppln IDNPROCEEDINGAPPLN
 * @param idnProceeding      the proceeding it was filed in
 * @param code               APPL_CODE (tblLookUp_Appln), e.g. {@code ASYW} withholding, {@code WCAT} CAT
 * @param received           APPL_RECD_DATE (null if not recorded)
 * @param decision           APPL_DEC (tblLookupCourtAppDecisions), e.g. {@code G} grant, {@code D} deny; null =
 *                           not decided
 */
public record ApplicationFacts(long idnProceedingAppln, long idnProceeding, String code, LocalDate received,
        String decision) {

    public ApplicationFacts {
        code = code == null || code.isBlank() ? null : code.trim();
        decision = decision == null || decision.isBlank() ? null : decision.trim();
    }
}
