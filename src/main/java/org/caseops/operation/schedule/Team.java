package org.caseops.operation.schedule;

import java.util.List;
import java.util.Objects;

/**
 * A field team. It visits at most one unit per slot, only inside its shifts, only in its field office.
 *
 * @param teamId      unique among the input's teams
 * @param fieldOffice code of the field office the team works in
 * @param size        officers in the team (informative; the schedule does not depend on it)
 * @param shifts      when the team works; shifts outside the operation window are ignored
 * @param home        where the team starts its day (e.g. the field office), or {@code null}: no travel to its first visit
 */
public record Team(String teamId, String fieldOffice, int size, List<Shift> shifts, GeoPoint home) {

    public Team {
        if (teamId == null || teamId.isBlank()) {
            throw new IllegalArgumentException("a team has no id");
        }
        if (fieldOffice == null || fieldOffice.isBlank()) {
            throw new IllegalArgumentException("team " + teamId + " has no field office");
        }
        if (size < 1) {
            throw new IllegalArgumentException("team " + teamId + " must have at least one member, was " + size);
        }
        Objects.requireNonNull(shifts, () -> "shifts of team " + teamId + " must not be null");
        shifts = List.copyOf(shifts);
    }
}
