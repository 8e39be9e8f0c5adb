package org.caseops.access;

/**
 * What a user may do (docs/access.md). One role per user. Field-office roles see people, cases and families only in
 * their own field office; {@link #ATTORNEY} reads all field offices; {@link #PARTNER} sees only what its agency's
 * data-sharing agreements grant; {@link #AUDITOR} and {@link #ADMIN} see no person-level data.
 */
public enum Role {
    /** Field work in the own field office. */
    OFFICER(true),
    /** Approves, reviews collateral encounters; own field office. */
    SUPERVISOR(true),
    /** Agency counsel: legal holds, legal review, docket imports; reads all field offices. */
    ATTORNEY(false),
    /** Field office director: approves operations, decides stay requests; own field office. */
    DIRECTOR(true),
    /** Oversight: aggregates and the audit trail, no person-level browsing. */
    AUDITOR(false),
    /** A partner agency's user: only what its data-sharing agreement grants. */
    PARTNER(false),
    /** Users and reference data; no case data. */
    ADMIN(false);

    private final boolean officeScoped;

    Role(boolean officeScoped) {
        this.officeScoped = officeScoped;
    }

    /** True when the role works in one field office and sees person-level data only there. */
    public boolean officeScoped() {
        return officeScoped;
    }

    /** The role in a sentence, with its article: {@code an officer}, {@code a supervisor}, {@code an admin}. */
    public String withArticle() {
        String word = name().toLowerCase(java.util.Locale.ROOT);
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
