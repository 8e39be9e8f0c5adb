package org.caseops.operation.schedule;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * What the schedule should prefer, as soft constraints.
 *
 * @param avoidForMinors hours to avoid for units with a minor member; each overlapped window costs
 *                       {@link SoftWeights#minorWindow()}
 * @param weights        weights of the soft constraints
 */
public record Preferences(List<AvoidWindow> avoidForMinors, SoftWeights weights) {

    public Preferences {
        Objects.requireNonNull(avoidForMinors, "avoidForMinors must not be null (use an empty list)");
        avoidForMinors = List.copyOf(avoidForMinors);
        Objects.requireNonNull(weights, "weights must not be null");
    }

    /** School on weekdays 07:30–15:30, day care on weekdays 07:00–18:00, default weights. */
    public static Preferences defaults() {
        return new Preferences(List.of(
                new AvoidWindow("school", AvoidWindow.WEEKDAYS, LocalTime.of(7, 30), LocalTime.of(15, 30)),
                new AvoidWindow("day care", AvoidWindow.WEEKDAYS, LocalTime.of(7, 0), LocalTime.of(18, 0))),
                SoftWeights.DEFAULT);
    }
}
