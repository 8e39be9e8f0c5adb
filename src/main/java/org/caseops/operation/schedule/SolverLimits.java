package org.caseops.operation.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link ScheduleSolver} stops: after {@code timeLimit} in all, or once the best score has not improved for
 * {@code unimprovedTimeLimit}, whichever comes first.
 */
public record SolverLimits(Duration timeLimit, Duration unimprovedTimeLimit) {

    public SolverLimits {
        Objects.requireNonNull(timeLimit, "timeLimit must not be null");
        Objects.requireNonNull(unimprovedTimeLimit, "unimprovedTimeLimit must not be null");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
        if (unimprovedTimeLimit.isNegative() || unimprovedTimeLimit.isZero()) {
            throw new IllegalArgumentException("unimprovedTimeLimit must be positive, was " + unimprovedTimeLimit);
        }
    }

    public static SolverLimits of(Duration timeLimit, Duration unimprovedTimeLimit) {
        return new SolverLimits(timeLimit, unimprovedTimeLimit);
    }
}
