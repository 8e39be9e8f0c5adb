package org.caseops.operation.schedule;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Schedules an operation with Timefold: a construction heuristic (first fit decreasing: hardest units first — fewest
 * allowed days, then most people — each given the best (slot, team, site) for the score so far) and then local search
 * (tabu search over Timefold's default moves: change one variable, or swap all three between two visits), until
 * {@link SolverLimits#timeLimit()} or {@link SolverLimits#unimprovedTimeLimit()}.
 *
 * <p>Configured in code, no XML. Environment mode is Timefold's default ({@code PHASE_ASSERT}: reproducible, and the
 * incremental score is checked against a full recalculation at the end of each phase), the random seed is fixed and
 * there are no move threads, so two runs with the same input do the same steps; where they stop still depends on the
 * clock, so results can differ slightly between runs and machines.
 */
public final class ScheduleSolver {

    /** The seed of every run. */
    static final long RANDOM_SEED = 20190623L;
    /**
     * Tabu search: a visit moved in one of the last 7 steps is not moved again; each step takes the best of 1,000
     * accepted moves. On the 711-unit synthetic operation it ended 2,000–2,800 soft points better in 30 s than
     * Timefold's default late acceptance (seeds 7 and 8), and it does not depend on the scale of the soft weights
     * as a simulated-annealing temperature would.
     */
    static final int ENTITY_TABU_SIZE = 7;
    static final int ACCEPTED_COUNT_LIMIT = 1000;

    private static final SolverFactory<Schedule> FACTORY = SolverFactory.create(config());

    private ScheduleSolver() {
    }

    static SolverConfig config() {
        return new SolverConfig()
                .withSolutionClass(Schedule.class)
                .withEntityClasses(Visit.class)
                .withConstraintProviderClass(ScheduleConstraints.class)
                .withRandomSeed(RANDOM_SEED)
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE)
                .withPhases(
                        new ConstructionHeuristicPhaseConfig()
                                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                        new LocalSearchPhaseConfig()
                                .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(ENTITY_TABU_SIZE))
                                .withForagerConfig(new LocalSearchForagerConfig()
                                        .withAcceptedCountLimit(ACCEPTED_COUNT_LIMIT)))
                // replaced on every solve by the input's limits
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofMinutes(1)));
    }

    /** The solver factory, shared (it is thread-safe); also used to score schedules made elsewhere. */
    static SolverFactory<Schedule> factory() {
        return FACTORY;
    }

    /**
     * Schedules every unit of {@code input}. Always returns a complete schedule when the construction heuristic had
     * time to finish; when the input cannot be scheduled without breaking a hard constraint, the result is not
     * feasible and its violations say which constraints are broken and for which units.
     */
    public static ScheduleResult solve(ScheduleInput input) {
        Schedule problem = Problems.build(input);
        if (problem.visits().isEmpty()) {
            return ScheduleResults.of(FACTORY, problem, new Timings(Duration.ZERO, Duration.ZERO));
        }
        Solver<Schedule> solver = FACTORY.buildSolver(new SolverConfigOverride<Schedule>()
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(input.limits().timeLimit())
                        .withUnimprovedSpentLimit(input.limits().unimprovedTimeLimit())));
        AtomicLong firstFeasibleMillis = new AtomicLong(-1);
        solver.addEventListener(event -> {
            if (firstFeasibleMillis.get() < 0 && event.isNewBestSolutionInitialized()
                    && event.getNewBestScore().isFeasible()) {
                firstFeasibleMillis.set(event.getTimeMillisSpent());
            }
        });
        long started = System.nanoTime();
        Schedule best = solver.solve(problem);
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        Duration firstFeasible = firstFeasibleMillis.get() < 0 ? null : Duration.ofMillis(firstFeasibleMillis.get());
        return ScheduleResults.of(FACTORY, best, new Timings(firstFeasible, total));
    }

    /**
     * Scores a plan made elsewhere — a stored plan replayed by the dry run — by the same constraints, without
     * solving. A unit of {@code input} with no assignment in {@code plan} stays unassigned; an assignment naming a
     * slot, team or site the input does not have leaves that variable unassigned.
     */
    public static ScheduleResult evaluate(ScheduleInput input, List<Assignment> plan) {
        Schedule schedule = Problems.build(input);
        Map<Long, Assignment> byUnit = new HashMap<>();
        for (Assignment a : plan) {
            byUnit.put(a.unitId(), a);
        }
        for (Visit visit : schedule.visits()) {
            Assignment a = byUnit.get(visit.unitId());
            if (a == null) {
                continue;
            }
            schedule.slots().stream().filter(s -> s.date().equals(a.date()) && s.start().equals(a.start()))
                    .findFirst().ifPresent(visit::setSlot);
            schedule.teams().stream().filter(t -> t.id().equals(a.teamId())).findFirst().ifPresent(visit::setTeam);
            schedule.sites().stream().filter(t -> t.id().equals(a.siteId())).findFirst().ifPresent(visit::setSite);
        }
        return ScheduleResults.of(FACTORY, schedule, new Timings(null, Duration.ZERO));
    }
}
