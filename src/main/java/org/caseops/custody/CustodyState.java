package org.caseops.custody;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a person is, and the one table of moves between those places. The database holds the family gate on top of
 * it (V21): no partial family moved, no minor without a parent or a recorded caregiver.
 *
 * <pre>
 * AT_LARGE → IN_CUSTODY(site) → STAGED(site) → TRANSPORTED(destination) → REMOVED
 * IN_CUSTODY, STAGED → RELEASED(ATD | ORDER_OF_SUPERVISION | HUMANITARIAN | OTHER)
 * RELEASED → IN_CUSTODY       (taken into custody again)
 * </pre>
 */
public enum CustodyState {
    AT_LARGE, IN_CUSTODY, STAGED, TRANSPORTED, REMOVED, RELEASED;

    private static final Map<CustodyState, Set<CustodyState>> NEXT = new EnumMap<>(CustodyState.class);

    static {
        NEXT.put(AT_LARGE, EnumSet.of(IN_CUSTODY));
        NEXT.put(IN_CUSTODY, EnumSet.of(STAGED, RELEASED));
        NEXT.put(STAGED, EnumSet.of(TRANSPORTED, RELEASED));
        NEXT.put(TRANSPORTED, EnumSet.of(REMOVED));
        NEXT.put(REMOVED, EnumSet.noneOf(CustodyState.class));
        NEXT.put(RELEASED, EnumSet.of(IN_CUSTODY));
    }

    public boolean allows(CustodyState next) {
        return NEXT.get(this).contains(next);
    }

    public Set<CustodyState> next() {
        return NEXT.get(this).isEmpty() ? EnumSet.noneOf(CustodyState.class) : EnumSet.copyOf(NEXT.get(this));
    }

    /** Held by the agency: in custody, at a staging site, or in transport. */
    public boolean held() {
        return this == IN_CUSTODY || this == STAGED || this == TRANSPORTED;
    }

    /** Why a person held was released. */
    public enum ReleaseReason { ATD, ORDER_OF_SUPERVISION, HUMANITARIAN, OTHER }
}
