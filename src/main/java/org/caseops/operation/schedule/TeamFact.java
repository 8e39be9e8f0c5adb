package org.caseops.operation.schedule;

/** A planning value: a {@link Team}, with the slots its shifts cover computed once. Identity equality. */
final class TeamFact {

    private final Team team;
    private final boolean[] onShift;

    TeamFact(Team team, boolean[] onShiftBySlotIndex) {
        this.team = team;
        this.onShift = onShiftBySlotIndex.clone();
    }

    Team team() {
        return team;
    }

    String id() {
        return team.teamId();
    }

    String office() {
        return team.fieldOffice();
    }

    GeoPoint home() {
        return team.home();
    }

    /** True when one of the team's shifts covers the whole slot. */
    boolean onShift(TimeSlot slot) {
        return onShift[slot.index()];
    }

    @Override
    public String toString() {
        return "team " + id() + " (" + office() + ")";
    }
}
