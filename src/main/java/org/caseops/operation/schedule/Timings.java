package org.caseops.operation.schedule;

import java.time.Duration;
import java.util.Optional;

/**
 * How long scheduling took.
 *
 * @param firstFeasible when the first feasible schedule (every unit placed, no hard constraint broken) was found,
 *                      counted from the start of solving; {@code null} when none was found
 * @param total         the whole of solving (for the solver: construction and local search until a limit; score
 *                      analysis is not included)
 */
public record Timings(Duration firstFeasible, Duration total) {

    public Optional<Duration> firstFeasibleIfAny() {
        return Optional.ofNullable(firstFeasible);
    }
}
