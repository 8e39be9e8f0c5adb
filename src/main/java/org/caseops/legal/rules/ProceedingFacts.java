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
 * @param appealRsvd     APPEAL_RSVD: {@code A}/{@code B} respondent reserved appeal, {@code I} DHS, {@code O} other,
 *                       "" not reserved (waived)
 * @param appealNotFiled APPEAL_NOT_FILED = X: the appeal period passed with no appeal
 */
public record ProceedingFacts(long idnProceeding, LocalDate oscDate, String caseType, String decCode,
        String otherComp, LocalDate compDate, boolean absentia, String appealRsvd, boolean appealNotFiled) {

    public ProceedingFacts {
        caseType = blankIfNull(caseType);
        decCode = blankIfNull(decCode);
        otherComp = blankIfNull(otherComp);
        appealRsvd = blankIfNull(appealRsvd);
    }

    static String blankIfNull(String code) {
        return code == null ? "" : code.trim();
    }

    /** True when the respondent reserved appeal ({@code APPEAL_RSVD} A or B). */
    public boolean respondentReservedAppeal() {
        return appealRsvd.equals("A") || appealRsvd.equals("B");
    }
}
