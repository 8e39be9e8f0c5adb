package org.caseops.legal.rules;

/**
 * What the person file says about the person being judged.
 *
 * @param usCitizen            a U.S. citizen: never removable
 * @param lpr                  a lawful permanent resident
 * @param citizenshipClaimOpen a claim to U.S. citizenship is open and unresolved
 * @param hasOwnCase           the person is the respondent of an EOIR case of their own (lead or rider)
 */
public record PersonFacts(boolean usCitizen, boolean lpr, boolean citizenshipClaimOpen, boolean hasOwnCase) {

    /** A respondent with a case of their own and no status flags. */
    public static PersonFacts respondent() {
        return new PersonFacts(false, false, false, true);
    }
}
