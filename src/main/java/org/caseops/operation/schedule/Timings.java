package org.caseops.operation.schedule;

import java.time.Duration;
import java.util.Optional;

/**
 * How long scheduling took.
 *
 * @param firstFeasible when the first feasible schedule (every unit placed, no hard constraint broken) was found,
 *                      counted from the start of solving; {@code null} when none was found
 * @param total         the whole of solving (for the solver: building the problem, construction and local search
 *                      until a limit; the final score analysis is not included)
 * @param constructed   for the solver: when every unit had been placed by the construction heuristic, counted from
 *                      the start; {@code null} when the time limit came first, and for the greedy baseline
 */
public record Timings(Duration firstFeasible, Duration total, Duration constructed) {

    public Timings(Duration firstFeasible, Duration total) {
        this(firstFeasible, total, null);
    }

    public Optional<Duration> firstFeasibleIfAny() {
        return Optional.ofNullable(firstFeasible);
    }
}
