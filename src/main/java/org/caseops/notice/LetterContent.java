package org.caseops.notice;

import java.time.LocalDate;
import java.util.List;

/**
 * What one call-in letter says, ready to render: nothing in it is looked up while rendering.
 *
 * @param interpreterLanguage the person's language (its EOIR description) when the letter announces an interpreter;
 *                            null when the letter is in the person's language
 * @param officeAddress       the field office's street address from the reference data; null when it has none (the
 *                            letter then says so)
 * @param mailingAddress      the lines of the address the letter is mailed to
 * @param concerned           the people the letter concerns: each member executable on the print and report-by dates
 */
public record LetterContent(String reference, LetterLanguage language, String interpreterLanguage, LocalDate printDate,
        LocalDate reportBy, LocalDate orderDate, boolean inAbsentia, String addressee, List<String> mailingAddress,
        List<Member> concerned, String officeName, String officeAddress) {

    /** A person the letter concerns. */
    public record Member(String name, String aNumber) {
    }
}
