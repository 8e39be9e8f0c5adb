package org.caseops.operation.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** A team's working time on one day, {@code [from, to)} in local time. A shift does not cross midnight. */
public record Shift(LocalDate date, LocalTime from, LocalTime to) {

    public Shift {
        Objects.requireNonNull(date, "shift date must not be null");
        Objects.requireNonNull(from, "shift start must not be null");
        Objects.requireNonNull(to, "shift end must not be null");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("shift on " + date + " must start before it ends, was " + from + "–" + to);
        }
    }

    /** True when the whole of {@code [start, end)} on {@code day} lies inside this shift. */
    public boolean covers(LocalDate day, LocalTime start, LocalTime end) {
        return date.equals(day) && !start.isBefore(from) && !end.isAfter(to);
    }
}
