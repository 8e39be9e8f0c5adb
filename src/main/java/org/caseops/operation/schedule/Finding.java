package org.caseops.operation.schedule;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import java.util.Collection;
import java.util.List;

/**
 * The justification of every constraint match: the units involved (ascending) and what is wrong, in words.
 * {@link ScheduleResults} turns each into a {@link Violation}.
 */
record Finding(List<Long> unitIds, String text) implements ConstraintJustification, Comparable<Finding> {

    Finding {
        unitIds = unitIds.stream().sorted().toList();
    }

    static Finding of(Collection<Visit> visits, String text) {
        return new Finding(visits.stream().map(Visit::unitId).toList(), text);
    }

    static Finding of(Visit visit, String text) {
        return new Finding(List.of(visit.unitId()), text);
    }

    @Override
    public int compareTo(Finding other) {
        int n = Math.min(unitIds.size(), other.unitIds.size());
        for (int i = 0; i < n; i++) {
            int c = Long.compare(unitIds.get(i), other.unitIds.get(i));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(unitIds.size(), other.unitIds.size());
        return c != 0 ? c : text.compareTo(other.text);
    }
}
