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
 * @param appealType      strAppealType (tbllookupAppealType), e.g. {@code Case Appeal}, {@code Bond Appeal},
 *                        {@code MTR BIA}; null or blank when the release did not carry it (read as a case appeal)
 * @param filedBy         strFiledBy: {@code A} alien, {@code I} DHS, {@code B} both, ...; null if not recorded
 */
public record AppealFacts(long idnAppeal, Long idnProceeding, LocalDate filed, String biaDecision,
        LocalDate biaDecisionDate, String appealType, String filedBy) {

    public AppealFacts {
        biaDecision = biaDecision == null || biaDecision.isBlank() ? null : biaDecision.trim();
        appealType = appealType == null || appealType.isBlank() ? null : appealType.trim();
        filedBy = filedBy == null || filedBy.isBlank() ? null : filedBy.trim();
    }

    /** A case appeal (the appeal of the IJ's decision on the merits), filed by the respondent. */
    public AppealFacts(long idnAppeal, Long idnProceeding, LocalDate filed, String biaDecision,
            LocalDate biaDecisionDate) {
        this(idnAppeal, idnProceeding, filed, biaDecision, biaDecisionDate, "Case Appeal", "A");
    }
}
