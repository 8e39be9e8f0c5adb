package org.caseops.operation.schedule;

import java.util.List;

/**
 * One match of one constraint in a schedule: a hard constraint broken, or a soft cost paid.
 *
 * @param constraint    the constraint's name (one of {@link ScheduleConstraints}' names)
 * @param level         hard (the schedule is not feasible) or soft (a cost)
 * @param penalty       how much this match costs on its level (positive)
 * @param unitIds       the family units involved, ascending
 * @param justification what is wrong, in words
 */
public record Violation(String constraint, Level level, long penalty, List<Long> unitIds, String justification) {

    public enum Level { HARD, SOFT }

    public Violation {
        unitIds = List.copyOf(unitIds);
    }

    public boolean hard() {
        return level == Level.HARD;
    }
}
