package org.caseops.operation.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Hours to avoid for family units with a minor member, e.g. school or day care: {@code [from, to)} on the given days
 * of the week.
 */
public record AvoidWindow(String label, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public static final Set<DayOfWeek> WEEKDAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public AvoidWindow {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("an avoid window has no label");
        }
        Objects.requireNonNull(days, () -> "days of avoid window '" + label + "' must not be null");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("avoid window '" + label + "' applies on no day of the week");
        }
        days = Set.copyOf(days);
        Objects.requireNonNull(from, () -> "start of avoid window '" + label + "' must not be null");
        Objects.requireNonNull(to, () -> "end of avoid window '" + label + "' must not be null");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("avoid window '" + label + "' must start before it ends, was "
                    + from + "–" + to);
        }
    }

    /** True when {@code [start, end)} on {@code day} shares at least a minute with this window. */
    public boolean overlaps(LocalDate day, LocalTime start, LocalTime end) {
        return days.contains(day.getDayOfWeek()) && start.isBefore(to) && from.isBefore(end);
    }
}
