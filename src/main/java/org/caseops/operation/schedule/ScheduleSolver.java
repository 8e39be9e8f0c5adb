package org.caseops.operation.schedule;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Schedules an operation: the units of each field office are a problem of their own, constructed (best fit decreasing)
 * and then improved by Timefold's local search, a bounded number of field offices at a time.
 *
 * <p><b>Why by field office.</b> Every constraint is within one field office: a unit's teams and sites are those of its
 * office (per-entity value ranges), and the other constraints group by team, by site, by office and day, or look at
 * one visit. So the score of the operation is the sum of its offices' scores, and solving each office on its own
 * finds the same schedules as solving them together — with no time spent on moves that cannot be done (a swap between
 * two offices' visits) and with each office's working solution small enough to clone at every new best score. The
 * whole schedule is then assembled and scored (and explained) once more, by the same constraints.
 *
 * <ol>
 *   <li><b>Construction</b> ({@link Construction}): hardest units first — fewest allowed days, then most people — each
 *       given the (slot, team, site) that adds the least to the score so far: Timefold's <i>first fit decreasing</i>
 *       over the three variables, computed from counts kept in arrays instead of through the constraint streams
 *       (50,000 units in seconds instead of hours). Every office is constructed before any is improved, so the first
 *       complete schedule comes as early as possible.</li>
 *   <li><b>Local search</b> per office (Timefold tabu search over change and swap moves), the offices largest first
 *       on {@link #parallelism()} threads. Each office gets a share of the time left in proportion to its units
 *       (time an office does not use goes to the offices after it) and stops at its share or once its best score has
 *       not improved for its share of {@link SolverLimits#unimprovedTimeLimit()}.</li>
 * </ol>
 *
 * <p>Configured in code, no XML. Environment mode is Timefold's default ({@code PHASE_ASSERT}: the incremental score is
 * checked against a full recalculation at the end of each phase), the construction is deterministic and each office's
 * search uses the same fixed random seed, so two runs with the same input do the same steps; where they stop still
 * depends on the clock, so results can differ slightly between runs and machines.
 */
public final class ScheduleSolver {

    /** The seed of every run. */
    static final long RANDOM_SEED = 20190623L;
    /**
     * Tabu search: a visit moved in one of the last 7 steps is not moved again; each step takes the best of 100
     * accepted moves. On the 711-unit synthetic operation solved whole, tabu search with 1,000 accepted moves per step
     * ended 2,000–2,800 soft points better in 30 s than Timefold's default late acceptance (seeds 7 and 8), and it does
     * not depend on the scale of the soft weights as a simulated-annealing temperature would. Per field office (71
     * units, seeds 7–9, 400,000 moves from the construction) 100 accepted moves per step ended 33–120 points better
     * than 1,000, which had stopped improving after 200,000; late acceptance (400 or 2,000) ended 100–340 points worse.
     */
    static final int ENTITY_TABU_SIZE = 7;
    static final int ACCEPTED_COUNT_LIMIT = 100;
    /** An office whose share of the time left is shorter than this is not searched (its construction stands). */
    private static final Duration SHORTEST_SEARCH = Duration.ofMillis(20);

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
                        new LocalSearchPhaseConfig()
                                .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(ENTITY_TABU_SIZE))
                                .withForagerConfig(new LocalSearchForagerConfig()
                                        .withAcceptedCountLimit(ACCEPTED_COUNT_LIMIT)))
                // replaced on every solve by the office's share of the input's limits
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofMinutes(1)));
    }

    /** The solver factory, shared (it is thread-safe); also used to score schedules made elsewhere. */
    static SolverFactory<Schedule> factory() {
        return FACTORY;
    }

    /**
     * How many field offices are searched at once: the system property {@code caseops.schedule.threads} if set,
     * otherwise the available processors, at most 4.
     */
    static int parallelism() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Integer.getInteger("caseops.schedule.threads", Math.min(cores, 4)));
    }

    /**
     * Schedules every unit of {@code input}. Always returns a complete schedule when the construction had time to
     * finish; when the input cannot be scheduled without breaking a hard constraint, the result is not feasible and
     * its violations say which constraints are broken and for which units. {@link Timings} count from the call,
     * building the problem included, and leave out only the final score analysis.
     */
    public static ScheduleResult solve(ScheduleInput input) {
        return solve(input, SolveControl.none());
    }

    /**
     * As {@link #solve(ScheduleInput)}, reporting the best score to {@code control} as it improves (the sum of the
     * offices' best scores: each office's construction, then each new best of its local search) and stopping early
     * when it is cancelled: every office is still constructed (it is quick, and bounded by the deadline), an office
     * being searched stops its search at once, an office not searched yet is not, and the schedule returned is the
     * best found so far.
     */
    public static ScheduleResult solve(ScheduleInput input, SolveControl control) {
        long started = System.nanoTime();
        long deadline = started + input.limits().timeLimit().toNanos();
        Schedule problem = Problems.build(input);
        if (problem.visits().isEmpty()) {
            return ScheduleResults.of(FACTORY, problem, new Timings(Duration.ZERO, Duration.ZERO));
        }
        List<Schedule> parts = Partitions.byFieldOffice(problem);
        control.units(problem.visits().size());
        Progress progress = new Progress(parts.size(), control);
        int threads = Math.min(parallelism(), parts.size());
        SoftWeights weights = input.preferences().weights();
        int days = input.days().size();
        long[] feasibleAt = new long[parts.size()];
        boolean[] complete = new boolean[parts.size()];
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, ScheduleSolver::thread) : null;
        Duration constructed = null;
        try {
            // 1. construct every office
            runAll(pool, parts.size(), p -> {
                Schedule part = parts.get(p);
                Construction construction = new Construction(part.visits(), problem.slots().size(), days, weights);
                construction.place(deadline);
                complete[p] = part.visits().stream().allMatch(Visit::assigned);
                progress.part(p, construction.hardScore(), construction.softScore(),
                        (int) part.visits().stream().filter(Visit::assigned).count());
                // the construction's own count of hard penalties, which is Timefold's (ConstructionTest); the final
                // score analysis has the last word (a first feasible time is only reported for a feasible result)
                if (complete[p] && construction.hardScore() == 0) {
                    feasibleAt[p] = System.nanoTime();
                }
            });
            if (allTrue(complete)) {
                constructed = Duration.ofNanos(System.nanoTime() - started);
            }
            // 2. improve every office, largest first, each with its share of the time left
            long unitsToSearch = 0;
            for (int p = 0; p < parts.size(); p++) {
                unitsToSearch += complete[p] ? parts.get(p).visits().size() : 0;
            }
            Shares shares = new Shares(deadline, threads, unitsToSearch, input.limits());
            runAll(pool, parts.size(), p -> {
                if (complete[p] && !control.cancelled()) {
                    improve(parts.get(p), shares, feasibleAt, p, control, progress);
                }
            });
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        Duration firstFeasible = null;
        if (Arrays.stream(feasibleAt).allMatch(t -> t != 0)) {
            firstFeasible = Duration.ofNanos(Arrays.stream(feasibleAt).map(t -> t - started).max().orElse(0));
        }
        ScheduleResult result = ScheduleResults.of(FACTORY, problem, new Timings(firstFeasible, total, constructed));
        if (!result.feasible() && firstFeasible != null) {
            // cannot happen while Construction counts as the constraints do (ConstructionTest): say so, claim nothing
            LOG.log(System.Logger.Level.WARNING, "the construction heuristic counted no hard penalty, but the schedule"
                    + " scores " + result.score() + ": Construction and ScheduleConstraints disagree");
            result = new ScheduleResult(result.assignments(), result.unassignedUnitIds(), result.hardScore(),
                    result.softScore(), false, result.violations(), new Timings(null, total, constructed));
        }
        return result;
    }

    private static final System.Logger LOG = System.getLogger(ScheduleSolver.class.getName());

    private static boolean allTrue(boolean[] values) {
        for (boolean b : values) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    /** Local search on one office's part, for its share of the time; the best schedule found is copied back. */
    private static void improve(Schedule part, Shares shares, long[] feasibleAt, int p, SolveControl control,
            Progress progress) {
        int size = part.visits().size();
        Duration[] share = shares.take(size);
        Solver<Schedule> running = null;
        try {
            if (share[0].compareTo(SHORTEST_SEARCH) < 0 || control.cancelled()) {
                return;
            }
            Solver<Schedule> solver = FACTORY.buildSolver(new SolverConfigOverride<Schedule>()
                    .withTerminationConfig(new TerminationConfig()
                            .withSpentLimit(share[0])
                            .withUnimprovedSpentLimit(share[1])));
            solver.addEventListener(event -> {
                if (feasibleAt[p] == 0 && event.isNewBestSolutionInitialized() && event.getNewBestScore().isFeasible()) {
                    feasibleAt[p] = System.nanoTime();
                }
                if (event.isNewBestSolutionInitialized()
                        && event.getNewBestScore() instanceof HardSoftLongScore score) {
                    progress.part(p, score.hardScore(), score.softScore(), size);
                }
                if (control.cancelled()) {
                    solver.terminateEarly();
                }
            });
            running = solver;
            control.started(solver);
            Schedule best = solver.solve(part);
            List<Visit> into = part.visits();
            List<Visit> from = best.visits();
            for (int i = 0; i < into.size(); i++) {
                Visit v = into.get(i);
                Visit b = from.get(i);
                if (!v.id().equals(b.id())) {
                    throw new IllegalStateException("the solver reordered the visits of " + v.office());
                }
                v.assign(b.slot(), b.team(), b.site());
            }
        } finally {
            if (running != null) {
                control.ended(running);
            }
            shares.done();
        }
    }

    /** Each office's best score and units placed so far; their sums go to the control when one improves. */
    private static final class Progress {
        private final long[] hard;
        private final long[] soft;
        private final int[] placed;
        private final boolean[] reported;
        private final SolveControl control;

        Progress(int parts, SolveControl control) {
            this.hard = new long[parts];
            this.soft = new long[parts];
            this.placed = new int[parts];
            this.reported = new boolean[parts];
            this.control = control;
        }

        synchronized void part(int p, long hardScore, long softScore, int placedUnits) {
            hard[p] = hardScore;
            soft[p] = softScore;
            placed[p] = placedUnits;
            reported[p] = true;
            if (allTrue(reported)) {
                control.improved(Arrays.stream(hard).sum(), Arrays.stream(soft).sum(), Arrays.stream(placed).sum());
            }
        }
    }

    /**
     * The time left, shared among the offices still to search in proportion to their units: an office starting now
     * gets (time left × threads − what the running offices may still use) × its units ÷ the units still to start,
     * never past the deadline; its unimproved limit is the input's, scaled by the same share of the time limit.
     */
    private static final class Shares {
        private final long deadline;
        private final int threads;
        private final double unimprovedPerTime;
        private long unitsToStart;
        private final Map<Thread, Long> runningUntil = new HashMap<>();

        Shares(long deadline, int threads, long unitsToStart, SolverLimits limits) {
            this.deadline = deadline;
            this.threads = threads;
            this.unitsToStart = Math.max(1, unitsToStart);
            this.unimprovedPerTime = (double) limits.unimprovedTimeLimit().toNanos() / limits.timeLimit().toNanos();
        }

        synchronized Duration[] take(int units) {
            long now = System.nanoTime();
            long left = Math.max(0, deadline - now);
            long committed = 0;
            for (long until : runningUntil.values()) {
                committed += Math.max(0, until - now);
            }
            long capacity = Math.max(0, left * threads - committed);
            long share = Math.min(left, (long) ((double) capacity * units / unitsToStart));
            unitsToStart = Math.max(1, unitsToStart - units);
            runningUntil.put(Thread.currentThread(), now + share);
            long unimproved = Math.max(1_000_000L, Math.min(share, (long) (share * unimprovedPerTime)));
            // Timefold takes whole milliseconds
            return new Duration[] {Duration.ofMillis(share / 1_000_000), Duration.ofMillis(unimproved / 1_000_000)};
        }

        /** The office searched on this thread has stopped: what it did not use goes to the offices not started. */
        synchronized void done() {
            runningUntil.remove(Thread.currentThread());
        }
    }

    /** Runs {@code task} for 0 … n-1: on the pool, largest part first (parts come largest first), or inline. */
    private static void runAll(ExecutorService pool, int n, IntConsumer task) {
        if (pool == null) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int p = i;
            futures.add(pool.submit(() -> task.accept(p)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scheduling", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static Thread thread(Runnable r) {
        Thread t = new Thread(r, "schedule-solver");
        t.setDaemon(true);
        return t;
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
