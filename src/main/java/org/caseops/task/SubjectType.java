package org.caseops.task;

/**
 * What a task can be about; its id is the subject's own key. A feature that needs another kind adds it here (the
 * database checks only the form of the name, so no migration is needed).
 */
public enum SubjectType {
    /**
     * A person, by A-number. A person without one (a U.S.-citizen household member) is a task's subject through
     * their {@link #FAMILY}, named in the title: an internal person id is never a subject, as nobody can open it.
     */
    PERSON,
    /** A family unit, by its lead case. */
    FAMILY,
    /** A removal case, by A-number. */
    CASE,
    /** An enforcement operation, by id. */
    OPERATION,
    /** An encounter, by id. */
    ENCOUNTER,
    /** A worksite case, by id. */
    WORKSITE
}
