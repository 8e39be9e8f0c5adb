import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.caseops.operation.schedule.GreedyScheduler;
import org.caseops.operation.schedule.ScheduleConstraints;
import org.caseops.operation.schedule.ScheduleInput;
import org.caseops.operation.schedule.ScheduleResult;
import org.caseops.operation.schedule.ScheduleSolver;
import org.caseops.operation.schedule.SolverLimits;
import org.caseops.operation.schedule.SyntheticSchedules;
import org.caseops.operation.schedule.UnitToPlace;
import org.caseops.operation.schedule.Violation;

/**
 * The operation-schedule benchmark (bench/run.sh schedule): one synthetic operation, the greedy baseline and the
 * Timefold solver on it, in one JVM. Uses only the package's public API.
 *
 * <pre>java ScheduleBench SEED UNITS OFFICES LIMIT_S UNIMPROVED_S OUT_DIR</pre>
 *
 * Writes OUT_DIR/summary.tsv (metric, value) and OUT_DIR/constraints.tsv (penalty per constraint, both schedules).
 */
public final class ScheduleBench {

    /** Greedy runs after the warm-up (their median is reported); one on national operations, where each takes seconds. */
    private static int greedyRuns(int units) {
        return units >= 10_000 ? 1 : 5;
    }

    public static void main(String[] args) throws IOException {
        long seed = Long.parseLong(args[0]);
        int units = Integer.parseInt(args[1]);
        int offices = Integer.parseInt(args[2]);
        SolverLimits limits = SolverLimits.of(Duration.ofSeconds(Long.parseLong(args[3])),
                Duration.ofSeconds(Long.parseLong(args[4])));
        Path out = Path.of(args[5]);

        long t0 = System.nanoTime();
        ScheduleInput input = SyntheticSchedules.problem(seed, units, offices, limits);
        long generateMs = (System.nanoTime() - t0) / 1_000_000;

        // The greedy baseline: one warm-up (class loading, Timefold's scoring set-up), then the median of 5 runs
        // (1 run from 10,000 units on).
        ScheduleResult greedy = GreedyScheduler.schedule(input);
        List<Duration> greedyTimes = new ArrayList<>();
        int greedyRuns = greedyRuns(units);
        for (int i = 0; i < greedyRuns; i++) {
            greedy = GreedyScheduler.schedule(input);
            greedyTimes.add(greedy.timings().total());
        }
        greedyTimes.sort(null);
        double greedyMs = millis(greedyTimes.get(greedyRuns / 2));

        // Heap and GC while the solver runs: the heap pools' peaks (reset first), a sampler of the used heap every
        // 20 ms, the collectors' counts and times, and the live heap after a full GC at the end.
        System.gc();
        long liveBeforeMb = usedHeapBytes() >> 20;
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] gcBefore = gcCountAndMillis();
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampledPeak.accumulateAndGet(usedHeapBytes(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long solveStarted = System.nanoTime();
        ScheduleResult solved = ScheduleSolver.solve(input);
        double solveWallMs = (System.nanoTime() - solveStarted) / 1e6;
        sampler.interrupt();
        long poolPeakBytes = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long[] gcAfter = gcCountAndMillis();
        System.gc();
        long liveAfterMb = usedHeapBytes() >> 20;
        double firstFeasibleMs = solved.timings().firstFeasible() == null ? Double.NaN
                : millis(solved.timings().firstFeasible());
        double solverMs = millis(solved.timings().total());

        long bound = softLowerBound(input);
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("seed", Long.toString(seed));
        summary.put("units", Integer.toString(input.units().size()));
        summary.put("people", Integer.toString(input.units().stream().mapToInt(UnitToPlace::people).sum()));
        summary.put("offices", Integer.toString(offices));
        summary.put("days", Integer.toString(input.days().size()));
        summary.put("teams", Integer.toString(input.teams().size()));
        summary.put("sites", Integer.toString(input.sites().size()));
        summary.put("time_limit_s", Long.toString(limits.timeLimit().toSeconds()));
        summary.put("unimproved_limit_s", Long.toString(limits.unimprovedTimeLimit().toSeconds()));
        summary.put("generate_ms", Long.toString(generateMs));
        summary.put("greedy_ms_median_of_" + greedyRuns, fmt(greedyMs));
        summary.put("greedy_score", greedy.score());
        summary.put("greedy_feasible", Boolean.toString(greedy.feasible()));
        summary.put("solver_first_feasible_ms", fmt(firstFeasibleMs));
        summary.put("solver_constructed_ms", solved.timings().constructed() == null ? ""
                : fmt(millis(solved.timings().constructed())));
        summary.put("solver_total_ms", fmt(solverMs));
        summary.put("solver_with_score_analysis_ms", fmt(solveWallMs));
        summary.put("solver_score", solved.score());
        summary.put("solver_feasible", Boolean.toString(solved.feasible()));
        summary.put("soft_lower_bound", Long.toString(-bound));
        summary.put("greedy_soft_over_bound", Long.toString(-greedy.softScore() - bound));
        summary.put("solver_soft_over_bound", Long.toString(-solved.softScore() - bound));
        summary.put("ratio_solver_soft_to_greedy", ratio(solved.softScore(), greedy.softScore()));
        summary.put("ratio_solver_over_bound_to_greedy", ratio(-solved.softScore() - bound, -greedy.softScore() - bound));
        summary.put("ratio_first_feasible_to_greedy_time", fmt(firstFeasibleMs / greedyMs));
        summary.put("heap_max_mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        summary.put("heap_live_before_solver_mb", Long.toString(liveBeforeMb));
        summary.put("solver_heap_peak_sampled_mb", Long.toString(sampledPeak.get() >> 20));
        summary.put("solver_heap_pools_peak_mb", Long.toString(poolPeakBytes >> 20));
        summary.put("solver_gc_count", Long.toString(gcAfter[0] - gcBefore[0]));
        summary.put("solver_gc_ms", Long.toString(gcAfter[1] - gcBefore[1]));
        summary.put("heap_live_after_solver_mb", Long.toString(liveAfterMb));

        Files.createDirectories(out);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("summary.tsv")))) {
            w.println("metric\tvalue");
            summary.forEach((k, v) -> w.println(k + "\t" + v));
        }
        Map<String, long[]> perConstraint = new TreeMap<>();
        addPenalties(perConstraint, greedy, 0);
        addPenalties(perConstraint, solved, 1);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("constraints.tsv")))) {
            w.println("constraint\tlevel\tgreedy_matches\tgreedy_penalty\tsolver_matches\tsolver_penalty");
            List<String> order = new ArrayList<>(ScheduleConstraints.HARD);
            order.addAll(ScheduleConstraints.SOFT);
            for (String name : order) {
                long[] p = perConstraint.getOrDefault(name, new long[4]);
                w.println(name + "\t" + (ScheduleConstraints.HARD.contains(name) ? "hard" : "soft") + "\t" + p[2]
                        + "\t" + p[0] + "\t" + p[3] + "\t" + p[1]);
            }
        }
        System.out.println(summary.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue())
                .collect(Collectors.joining("\n")));
    }

    /**
     * What the two balance constraints cost at the very least: each office's units spread as evenly as possible over
     * the days, and over its teams, ignoring every other constraint. The other two soft constraints are bounded by 0.
     * The part of a soft score above this bound is what scheduling can still win.
     */
    private static long softLowerBound(ScheduleInput input) {
        Map<String, Long> unitsPerOffice = input.units().stream()
                .collect(Collectors.groupingBy(UnitToPlace::fieldOffice, Collectors.counting()));
        long days = input.days().size();
        long bound = 0;
        for (Map.Entry<String, Long> e : unitsPerOffice.entrySet()) {
            long teams = input.teams().stream().filter(t -> t.fieldOffice().equals(e.getKey())).count();
            bound += input.preferences().weights().dayLoad() * evenSquares(e.getValue(), days);
            bound += input.preferences().weights().teamLoad() * evenSquares(e.getValue(), teams);
        }
        return bound;
    }

    /** The least sum of squares of {@code bins} counts adding up to {@code n}. */
    private static long evenSquares(long n, long bins) {
        long q = n / bins;
        long r = n % bins;
        return r * (q + 1) * (q + 1) + (bins - r) * q * q;
    }

    private static void addPenalties(Map<String, long[]> into, ScheduleResult result, int column) {
        for (Violation v : result.violations()) {
            long[] p = into.computeIfAbsent(v.constraint(), k -> new long[4]);
            p[column] += v.penalty();
            p[column + 2]++;
        }
    }

    private static long usedHeapBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long[] gcCountAndMillis() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format("%.1f", v);
    }

    private static String ratio(long a, long b) {
        return b == 0 ? "" : String.format("%.3f", (double) a / b);
    }
}
