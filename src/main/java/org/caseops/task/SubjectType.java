package org.caseops.task;

/**
 * What a task can be about; its id is the subject's own key. A feature that needs another kind adds it here (the
 * database checks only the form of the name, so no migration is needed).
 */
public enum SubjectType {
    /** A person, by A-number (or the person's id for a household member without a case). */
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
