package org.caseops.operation.schedule;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A schedule and its score.
 *
 * @param assignments       one per placed unit, ordered by date, start, team and unit
 * @param unassignedUnitIds units the solver did not get to place before it was stopped (empty unless the time limit
 *                          is too short for the construction heuristic)
 * @param hardScore         0 when no hard constraint is broken, otherwise minus the sum of hard penalties
 * @param softScore         minus the sum of the soft costs (higher is better)
 * @param feasible          every unit placed and no hard constraint broken
 * @param violations        every constraint match: hard ones first (by constraint, then units), then soft ones
 * @param timings           how long it took
 */
public record ScheduleResult(List<Assignment> assignments, List<Long> unassignedUnitIds, long hardScore,
                             long softScore, boolean feasible, List<Violation> violations, Timings timings) {

    /** Orders results from best to worst: fewer unplaced units, then a higher hard score, then a higher soft score. */
    public static final Comparator<ScheduleResult> BEST_FIRST = Comparator
            .comparingInt((ScheduleResult r) -> r.unassignedUnitIds().size())
            .thenComparing(Comparator.comparingLong(ScheduleResult::hardScore).reversed())
            .thenComparing(Comparator.comparingLong(ScheduleResult::softScore).reversed());

    public ScheduleResult {
        assignments = List.copyOf(assignments);
        unassignedUnitIds = List.copyOf(unassignedUnitIds);
        violations = List.copyOf(violations);
    }

    /** The score as Timefold writes it, e.g. {@code 0hard/-1234soft}. */
    public String score() {
        return hardScore + "hard/" + softScore + "soft";
    }

    public Optional<Assignment> assignmentOf(long unitId) {
        return assignments.stream().filter(a -> a.unitId() == unitId).findFirst();
    }

    public List<Violation> hardViolations() {
        return violations.stream().filter(Violation::hard).toList();
    }

    /** True when this result's score is at least as good as {@code other}'s. */
    public boolean scoresAtLeast(ScheduleResult other) {
        return BEST_FIRST.compare(this, other) <= 0;
    }
}
