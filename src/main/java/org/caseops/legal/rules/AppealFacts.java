package org.caseops.legal.rules;

import java.time.LocalDate;

/**
 * One row of EOIR's {@code tblAppeal} for the person's own case.
 *
 * @param idnAppeal       idnAppeal
 * @param idnProceeding   idnProceeding, the proceeding whose decision is appealed (null if not recorded)
 * @param filed           datAppealFiled
 * @param biaDecision     strBIADecision, e.g. {@code DIS} dismissed, {@code SUS} sustained, {@code REM} remanded;
 *                        null or blank = pending
 * @param biaDecisionDate datBIADecision (null while pending)
 */
public record AppealFacts(long idnAppeal, Long idnProceeding, LocalDate filed, String biaDecision,
        LocalDate biaDecisionDate) {

    public AppealFacts {
        biaDecision = biaDecision == null || biaDecision.isBlank() ? null : biaDecision.trim();
    }
}
