package org.caseops.task;

import org.caseops.access.Role;

/**
 * What a task is for. A type is data, not a subclass: whether completing it needs a written resolution, and which
 * role alone may complete it. The features that need a type create its tasks through {@link Tasks}; by hand
 * ({@code POST /api/tasks}) only {@link #GENERAL} tasks are created.
 */
public enum TaskType {
    /**
     * Confirm that a child who was not present at an arrest is with a caregiver or has been reunited with the family;
     * due within hours of the arrest. Completing it states what was found.
     */
    CHILD_WELFARE_CHECK(true, null),
    /**
     * A supervisor reviews a collateral encounter (a person met who was not a target) and its legal basis
     * (DESIGN.md, invariant 5). Only a supervisor completes it, with the finding.
     */
    COLLATERAL_REVIEW(true, Role.SUPERVISOR),
    /** A custody time limit (staging hours, Flores days, a custody review) is breached or about to be. */
    CUSTODY_ESCALATION(false, null),
    /** A post-order custody review falls due on the task's due date. */
    CUSTODY_REVIEW(false, null),
    /** Counsel reviews a case, an operation or a decision; only an attorney completes it. */
    LEGAL_REVIEW(false, Role.ATTORNEY),
    /**
     * A call-in letter came back undelivered: verify the family's address through lawful channels (the person, their
     * counsel, the court record), never outside data fusion. Completing it states what was found.
     */
    ADDRESS_VERIFICATION(true, null),
    /**
     * Someone did not come to a self-report appointment, or a call-in letter's deadline passed without a check-in:
     * an officer follows up (contact the person or their counsel, offer a new appointment, review the case). Never an
     * automatic arrest or target. Completing it states what was done.
     */
    CALL_IN_FOLLOW_UP(true, null),
    /**
     * A check-in due under an order of supervision or ATD was not recorded within the grace period: an officer
     * follows up with the person or their counsel. Never an automatic arrest. Completing it states what was done.
     */
    SUPERVISION_FOLLOW_UP(true, null),
    /**
     * A voluntary-departure period ended with no departure verified: an officer reviews the case on the legal gate's
     * terms (the alternate order of removal, 8 CFR 1240.26; INA 240B(d)). Never an automatic arrest. Completing it
     * states what was done.
     */
    DEPARTURE_OVERSTAY(true, null),
    /**
     * A request for a stay of removal (Form I-246) waits for the field-office director's decision (8 CFR 241.6):
     * only a director completes it, with the decision.
     */
    STAY_DECISION(true, Role.DIRECTOR),
    /** Anything else a supervisor or director asks of someone in their field office. */
    GENERAL(false, null);

    private final boolean resolutionRequired;
    private final Role completedOnlyBy;

    TaskType(boolean resolutionRequired, Role completedOnlyBy) {
        this.resolutionRequired = resolutionRequired;
        this.completedOnlyBy = completedOnlyBy;
    }

    /** Whether completing the task needs a written resolution (what was found, what was decided). */
    public boolean resolutionRequired() {
        return resolutionRequired;
    }

    /** The only role that may complete the task, or {@code null} when whoever may work on it may complete it. */
    public Role completedOnlyBy() {
        return completedOnlyBy;
    }

    /**
     * The priority a task of this type gets when it is created: HIGH for a child's welfare and a custody limit
     * (hours count), NORMAL for the rest. Whoever may work on a task may change it.
     */
    public TaskPriority defaultPriority() {
        return this == CHILD_WELFARE_CHECK || this == CUSTODY_ESCALATION ? TaskPriority.HIGH : TaskPriority.NORMAL;
    }
}
