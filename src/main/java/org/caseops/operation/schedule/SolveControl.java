package org.caseops.operation.schedule;

import ai.timefold.solver.core.api.solver.Solver;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches one {@link ScheduleSolver#solve(ScheduleInput, SolveControl)} while it runs, from another thread: the best
 * score so far (the sum of every field office's best, as it improves) and the units placed, and a way to stop it
 * early. Stopped, the solver ends the local search of the offices searching now, searches no other office and returns
 * the best schedule found so far (every office constructed first, so a cancel never loses a unit the construction
 * placed); the caller decides whether to keep it.
 */
public class SolveControl {

    /** A control nobody watches and nobody stops. */
    public static SolveControl none() {
        return new SolveControl();
    }

    private volatile boolean cancelled;
    private volatile long bestHard;
    private volatile long bestSoft;
    private volatile int placed;
    private volatile int units;
    private volatile boolean scored;
    private final Set<Solver<?>> running = ConcurrentHashMap.newKeySet();

    /**
     * Asks the solver to stop as soon as it can; it may be called again (and should be, by a watcher that calls it
     * on a timer: a search that started just as the first call came is stopped by the next).
     */
    public void cancel() {
        cancelled = true;
        for (Solver<?> solver : running) {
            solver.terminateEarly();
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Whether the solver has scored a complete construction of every office yet. */
    public boolean scored() {
        return scored;
    }

    public long bestHard() {
        return bestHard;
    }

    public long bestSoft() {
        return bestSoft;
    }

    /** Units with a day, a team and a staging site in the best schedule so far. */
    public int placed() {
        return placed;
    }

    /** Units to place in all. */
    public int units() {
        return units;
    }

    void units(int units) {
        this.units = units;
    }

    /** The best schedule so far has improved; subclasses may watch (called on a solver thread: keep it short). */
    protected void best(long hard, long soft, int placed) {
    }

    synchronized void improved(long hard, long soft, int placed) {
        this.bestHard = hard;
        this.bestSoft = soft;
        this.placed = placed;
        this.scored = true;
        best(hard, soft, placed);
    }

    void started(Solver<?> solver) {
        running.add(solver);
        if (cancelled) {
            solver.terminateEarly();
        }
    }

    void ended(Solver<?> solver) {
        running.remove(solver);
    }
}
