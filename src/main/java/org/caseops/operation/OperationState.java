package org.caseops.operation;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of an operation and the one table of allowed transitions. Every action asks {@link #allows} before it
 * changes the state; nothing else decides.
 *
 * <pre>
 * DRAFT → LEGAL_REVIEW → APPROVED → ACTIVE → CLOSED
 * LEGAL_REVIEW → DRAFT        (counsel sends it back)
 * LEGAL_REVIEW, APPROVED → POSTPONED → DRAFT | LEGAL_REVIEW   (with a new window)
 * DRAFT, LEGAL_REVIEW, APPROVED, POSTPONED → CANCELLED
 * </pre>
 */
public enum OperationState {
    DRAFT, LEGAL_REVIEW, APPROVED, ACTIVE, CLOSED, POSTPONED, CANCELLED;

    private static final Map<OperationState, Set<OperationState>> NEXT = new EnumMap<>(OperationState.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(LEGAL_REVIEW, CANCELLED));
        NEXT.put(LEGAL_REVIEW, EnumSet.of(APPROVED, DRAFT, POSTPONED, CANCELLED));
        NEXT.put(APPROVED, EnumSet.of(ACTIVE, POSTPONED, CANCELLED));
        NEXT.put(ACTIVE, EnumSet.of(CLOSED));
        NEXT.put(CLOSED, EnumSet.noneOf(OperationState.class));
        NEXT.put(POSTPONED, EnumSet.of(DRAFT, LEGAL_REVIEW, CANCELLED));
        NEXT.put(CANCELLED, EnumSet.noneOf(OperationState.class));
    }

    public boolean allows(OperationState next) {
        return NEXT.get(this).contains(next);
    }

    public Set<OperationState> next() {
        return NEXT.get(this).isEmpty() ? EnumSet.noneOf(OperationState.class) : EnumSet.copyOf(NEXT.get(this));
    }

    /** Targets, sites, teams and roster may change only while the operation is being drafted. */
    public boolean editable() {
        return this == DRAFT;
    }

    /** Before launch: targets are need-to-know (roster and approvers only). */
    public boolean beforeLaunch() {
        return this != ACTIVE && this != CLOSED;
    }
}
