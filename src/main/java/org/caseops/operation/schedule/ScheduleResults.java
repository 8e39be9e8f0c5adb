package org.caseops.operation.schedule;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns a solved (or greedily built) {@link Schedule} into a {@link ScheduleResult}, explained by score analysis. */
final class ScheduleResults {

    private static final Comparator<Assignment> ASSIGNMENT_ORDER = Comparator.comparing(Assignment::date)
            .thenComparing(Assignment::start).thenComparing(Assignment::teamId).thenComparingLong(Assignment::unitId);

    private static final Comparator<Violation> VIOLATION_ORDER = Comparator
            .comparing((Violation v) -> v.level() == Violation.Level.HARD ? 0 : 1)
            .thenComparingInt(v -> constraintIndex(v.constraint()))
            .thenComparing(v -> new Finding(v.unitIds(), v.justification()));

    private ScheduleResults() {
    }

    static ScheduleResult of(SolverFactory<Schedule> factory, Schedule schedule, Timings timings) {
        ScoreAnalysis<HardSoftLongScore> analysis = SolutionManager.<Schedule, HardSoftLongScore>create(factory)
                .analyze(schedule, ScoreAnalysisFetchPolicy.FETCH_ALL);
        HardSoftLongScore score = analysis.score();

        List<Assignment> assignments = new ArrayList<>();
        List<Long> unassigned = new ArrayList<>();
        for (Visit v : schedule.visits()) {
            if (v.assigned()) {
                assignments.add(new Assignment(v.unitId(), v.date(), v.slot().start(), v.slot().end(), v.team().id(),
                        v.site().id(), v.heldUntil()));
            } else {
                unassigned.add(v.unitId());
            }
        }
        assignments.sort(ASSIGNMENT_ORDER);
        unassigned.sort(Comparator.naturalOrder());

        List<Violation> violations = new ArrayList<>();
        for (ConstraintAnalysis<HardSoftLongScore> constraint : analysis.constraintMap().values()) {
            if (constraint.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardSoftLongScore> match : constraint.matches()) {
                HardSoftLongScore impact = match.score();
                boolean hard = impact.hardScore() != 0;
                long penalty = -(hard ? impact.hardScore() : impact.softScore());
                if (penalty == 0) {
                    continue;
                }
                ConstraintJustification justification = match.justification();
                Finding finding = justification instanceof Finding f ? f
                        : new Finding(List.of(), String.valueOf(justification));
                violations.add(new Violation(constraint.constraintName(),
                        hard ? Violation.Level.HARD : Violation.Level.SOFT, penalty, finding.unitIds(), finding.text()));
            }
        }
        violations.sort(VIOLATION_ORDER);
        boolean feasible = unassigned.isEmpty() && score.isFeasible();
        return new ScheduleResult(assignments, unassigned, score.hardScore(), score.softScore(), feasible, violations,
                timings);
    }

    private static int constraintIndex(String name) {
        int hard = ScheduleConstraints.HARD.indexOf(name);
        if (hard >= 0) {
            return hard;
        }
        int soft = ScheduleConstraints.SOFT.indexOf(name);
        return soft >= 0 ? 100 + soft : 1000;
    }
}
