package org.caseops.operation.schedule;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A family unit to be visited once in the operation. The whole unit is visited in one slot by one team and staged
 * at one site: that is structural (one planning entity per unit), not a constraint that could be broken.
 *
 * @param unitId                    the family unit's id
 * @param fieldOffice               code of the field office the unit's address belongs to (e.g. {@code ATL})
 * @param members                   the members whose orders are to be executed; at least one. Members who are not
 *                                  targets (e.g. a U.S.-citizen child with a recorded caregiver) are not listed here
 * @param caredForCount             how many non-target people live with the unit and are in someone's care; they are
 *                                  not held at a staging site and not counted against its capacity
 * @param location                  where the visit happens; {@code null} when unknown, and then no travel is counted
 *                                  to or from it
 * @param protectedAreaApprovedDays {@code null} when the address needs no protected-area approval; otherwise the
 *                                  days on which an approval is in force (possibly none)
 */
public record UnitToPlace(long unitId, String fieldOffice, List<Member> members, int caredForCount,
                          GeoPoint location, Set<LocalDate> protectedAreaApprovedDays) {

    public UnitToPlace {
        if (fieldOffice == null || fieldOffice.isBlank()) {
            throw new IllegalArgumentException("unit " + unitId + " has no field office");
        }
        Objects.requireNonNull(members, () -> "members of unit " + unitId + " must not be null");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("unit " + unitId + " has no member to place; leave it out of the input");
        }
        members = List.copyOf(members);
        Set<Long> seen = new HashSet<>();
        for (Member m : members) {
            if (!seen.add(m.personId())) {
                throw new IllegalArgumentException("unit " + unitId + " lists person " + m.personId() + " twice");
            }
        }
        if (caredForCount < 0) {
            throw new IllegalArgumentException("caredForCount of unit " + unitId + " must be >= 0, was " + caredForCount);
        }
        if (protectedAreaApprovedDays != null) {
            protectedAreaApprovedDays = Set.copyOf(protectedAreaApprovedDays);
        }
    }

    /** People held at the staging site when this unit is brought in: its members. */
    public int people() {
        return members.size();
    }

    public boolean hasMinor() {
        return members.stream().anyMatch(Member::minor);
    }

    public boolean needsProtectedAreaApproval() {
        return protectedAreaApprovedDays != null;
    }

    /** True when the address needs no approval, or an approval is in force on {@code day}. */
    public boolean approvedOn(LocalDate day) {
        return protectedAreaApprovedDays == null || protectedAreaApprovedDays.contains(day);
    }

    /** True when every member's order is executable on {@code day}. */
    public boolean allExecutableOn(LocalDate day) {
        return members.stream().allMatch(m -> m.executableOn(day));
    }
}
