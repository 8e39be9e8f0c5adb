package org.caseops.access;

/** What a data-sharing agreement may grant a partner agency, per field office. */
public enum PartnerScope {
    /** Whether a person's removal order is executable today, and the case summary behind it. */
    CASE_STATUS,
    /** The person's record: person, family and timeline. */
    PERSON_RECORD
}
