package org.caseops.operation.schedule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A member of a family unit whose removal order is to be executed in the operation.
 *
 * @param personId       the person's id in CaseOps
 * @param minor          under 18 on the operation's first day
 * @param executableDays the days of the operation window on which this member's order may be executed (the legal
 *                       gate's verdict per day, computed by the caller); days outside the window are never used
 */
public record Member(long personId, boolean minor, Set<LocalDate> executableDays) {

    public Member {
        Objects.requireNonNull(executableDays, () -> "executableDays of person " + personId
                + " must not be null (use an empty set when the order is executable on no day)");
        executableDays = Set.copyOf(executableDays);
    }

    public boolean executableOn(LocalDate day) {
        return executableDays.contains(day);
    }
}
