package org.caseops.legal.rules;

import java.time.LocalDate;

/**
 * One row of EOIR's {@code B_TblProceeding} for the person's own case. Blank codes are empty strings; absent dates
 * are null.
 *
 * @param idnProceeding  IDNPROCEEDING; the highest one of a case governs
 * @param oscDate        OSC_DATE, the charging document's date (null if unknown)
 * @param caseType       CASE_TYPE, e.g. {@code RMV}, {@code DEP}, {@code EXC}
 * @param decCode        DEC_CODE, e.g. {@code X} removal ordered, {@code V} voluntary departure; "" = undecided
 * @param otherComp      OTHER_COMP, e.g. {@code C} change of venue, {@code A}/{@code B}/{@code Y} administratively
 *                       closed; "" = none
 * @param compDate       COMP_DATE, the order (completion) date; null while undecided
 * @param absentia       ABSENTIA = Y
 * @param appealRsvd     APPEAL_RSVD: {@code A} alien, {@code B} both, {@code I} DHS, {@code O} other; "" = not
 *                       recorded (which is not proof of a waiver)
 * @param appealNotFiled APPEAL_NOT_FILED = X: the appeal period passed with no appeal
 * @param decType        DEC_TYPE: {@code O} oral, {@code W} written; other values are kept as given, "" = none
 * @param appealDueDate  DATE_APPEAL_DUE_STATUS, the appeal due date EOIR recorded (null if none)
 */
public record ProceedingFacts(long idnProceeding, LocalDate oscDate, String caseType, String decCode,
        String otherComp, LocalDate compDate, boolean absentia, String appealRsvd, boolean appealNotFiled,
        String decType, LocalDate appealDueDate) {

    public ProceedingFacts {
        caseType = blankIfNull(caseType);
        decCode = blankIfNull(decCode);
        otherComp = blankIfNull(otherComp);
        appealRsvd = blankIfNull(appealRsvd);
        decType = blankIfNull(decType);
    }

    /** A proceeding as EOIR's earlier releases carried it: no DEC_TYPE, no recorded appeal due date. */
    public ProceedingFacts(long idnProceeding, LocalDate oscDate, String caseType, String decCode, String otherComp,
            LocalDate compDate, boolean absentia, String appealRsvd, boolean appealNotFiled) {
        this(idnProceeding, oscDate, caseType, decCode, otherComp, compDate, absentia, appealRsvd, appealNotFiled, "",
                null);
    }

    static String blankIfNull(String code) {
        return code == null ? "" : code.trim();
    }

    /** True when the respondent reserved appeal ({@code APPEAL_RSVD} A or B). */
    public boolean respondentReservedAppeal() {
        return appealRsvd.equals("A") || appealRsvd.equals("B");
    }

    /**
     * True when EOIR's record shows the respondent did not reserve appeal: {@code APPEAL_RSVD = I}, only DHS
     * reserved. A blank or any other value is not proof of a waiver (docs/legal-rules.md).
     */
    public boolean respondentWaivedAppeal() {
        return appealRsvd.equals("I");
    }
}
