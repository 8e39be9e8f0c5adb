package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.docket.ImportProgress;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.docket.synthetic.SyntheticDocketGenerator;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.operation.schedule.GreedyScheduler;
import org.caseops.operation.schedule.ScheduleInput;
import org.caseops.operation.schedule.ScheduleResult;
import org.caseops.operation.schedule.ScheduleSolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (surefire's includes leave {@code *Bench} out; {@code bench/run.sh schedule-family-op} runs
 * it): the family-op-2019 docket imported, an operation over its ten cities with every eligible unit targeted, and the
 * solver's input as CaseOps builds it — then the greedy baseline and the solver on that same input, in one JVM.
 * Writes {@code summary.tsv} to {@code -Dbench.out} (default {@code target/bench-schedule-family-op}).
 */
@CaseOpsTest
class FamilyOpScheduleBench {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Operations operations;
    @Autowired
    Planner planner;

    @Test
    void family_op_2019_greedy_against_solver() throws Exception {
        int limit = Integer.getInteger("bench.limit", 30);
        Path out = Path.of(System.getProperty("bench.out", "target/bench-schedule-family-op"));
        Path dir = Files.createTempDirectory("family-op");
        SyntheticDocketGenerator.generate(Scenario.FAMILY_OP_2019, 0, 2019, dir);
        Database.clearDocket(jdbc);
        importer.importFiles(dir, dir.resolve("persons.csv"), "bench", ImportProgress.NONE);
        List<String> offices = jdbc.sql("select distinct field_office_code from case_index "
                + "where field_office_code is not null order by 1").query(String.class).list();
        OperationsApi ops = new OperationsApi(api);
        long id = ops.operationOverOffices("Family op 2019 (bench)", offices, "2019-06-23", "2019-06-27");
        long t0 = System.nanoTime();
        OperationsApi.ok(ops.post("supervisor", "/api/operations/" + id + "/targets/matching", Map.of()),
                HttpStatus.OK);
        double targetingS = (System.nanoTime() - t0) / 1e9;
        ScheduleInput input = planner.input(operations.get(id), Duration.ofSeconds(limit), false);

        GreedyScheduler.schedule(input); // warm-up: class loading, scoring set-up
        List<Double> greedyMs = new ArrayList<>();
        ScheduleResult greedy = null;
        for (int i = 0; i < 5; i++) {
            greedy = GreedyScheduler.schedule(input);
            greedyMs.add(greedy.timings().total().toNanos() / 1e6);
        }
        greedyMs.sort(null);
        ScheduleResult solved = ScheduleSolver.solve(input);

        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("units", String.valueOf(input.units().size()));
        summary.put("people_taken", String.valueOf(input.units().stream().mapToInt(u -> u.people()).sum()));
        summary.put("offices", String.valueOf(offices.size()));
        summary.put("days", String.valueOf(input.days().size()));
        summary.put("teams", String.valueOf(input.teams().size()));
        summary.put("sites", String.valueOf(input.sites().size()));
        summary.put("targeting_s", String.format("%.1f", targetingS));
        summary.put("greedy_ms_median_of_5", String.format("%.1f", greedyMs.get(2)));
        summary.put("greedy_score", greedy.score());
        summary.put("greedy_feasible", String.valueOf(greedy.feasible()));
        summary.put("solver_limit_s", String.valueOf(limit));
        summary.put("solver_first_feasible_ms", solved.timings().firstFeasible() == null ? ""
                : String.valueOf(solved.timings().firstFeasible().toMillis()));
        summary.put("solver_total_ms", String.valueOf(solved.timings().total().toMillis()));
        summary.put("solver_score", solved.score());
        summary.put("solver_feasible", String.valueOf(solved.feasible()));
        summary.put("ratio_solver_soft_to_greedy_soft", greedy.softScore() == 0 ? ""
                : String.format("%.3f", (double) solved.softScore() / greedy.softScore()));
        Files.createDirectories(out);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("summary.tsv")))) {
            w.println("metric\tvalue");
            summary.forEach((k, v) -> w.println(k + "\t" + v));
        }
        System.out.println("family-op schedule bench: " + summary);
        assertThat(solved.feasible()).isTrue();
    }
}
