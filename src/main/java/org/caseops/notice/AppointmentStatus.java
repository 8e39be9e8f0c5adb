package org.caseops.notice;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a self-report appointment is. One transition table: BOOKED → CHECKED_IN | RESCHEDULED | NO_SHOW, all three
 * final (a reschedule is a new appointment; a no-show is followed up by a task, and a later visit is a walk-in). A
 * walk-in is recorded CHECKED_IN.
 */
public enum AppointmentStatus {
    BOOKED, CHECKED_IN, RESCHEDULED, NO_SHOW;

    /** The statuses an appointment may move to this one from. */
    public Set<AppointmentStatus> from() {
        return switch (this) {
            case BOOKED -> EnumSet.noneOf(AppointmentStatus.class);
            case CHECKED_IN, RESCHEDULED, NO_SHOW -> EnumSet.of(BOOKED);
        };
    }

    public boolean mayFollow(AppointmentStatus current) {
        return from().contains(current);
    }
}
