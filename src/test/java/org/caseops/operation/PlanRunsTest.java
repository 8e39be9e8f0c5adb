package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.AllAtOnce;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.operation.schedule.ScheduleResult;
import org.caseops.operation.schedule.ScheduleSolver;
import org.caseops.operation.schedule.SolveControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Planning in the background over the API (issue 15): a run answers 202 with its address and finishes with the plan
 * stored as a synchronous plan is; a cancel stops the solver early and keeps the best plan found so far when it
 * breaks no hard constraint, the previous plan otherwise; of two starts at once one is 202 and the other a 409; a
 * finished run's cancel is a 409; a run left RUNNING by a dead server does not block the next one.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanRunsTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Planner planner;
    @Autowired
    org.springframework.core.env.Environment environment;
    OperationsApi ops;
    long id;

    @BeforeAll
    void houstonDocket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ops = new OperationsApi(api);
    }

    @BeforeEach
    void operation() {
        id = ops.houstonOperation();
        ok(ops.post("supervisor", "/api/operations/" + id + "/targets", Map.of("familyId", 1001)),
                HttpStatus.CREATED);
    }

    @AfterEach
    void realSolver() {
        planner.realSolver();
        // a run a failed test left running is stopped, so that it does not hold the pool for the next test
        jdbc.sql("update plan_run set cancel_requested_at = now(), cancel_requested_by = 'test' "
                + "where operation_id = ? and state = 'RUNNING' and cancel_requested_at is null").param(id).update();
    }

    private String runs() {
        return "/api/operations/" + id + "/plan-runs";
    }

    /** GETs the run until it has ended (at most 30 s). */
    private JsonNode ended(String location) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode run = ops.get("supervisor", location);
        while (run.path("state").asText().equals("RUNNING") && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            run = ops.get("supervisor", location);
        }
        return run;
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    @Test
    void a_run_answers_202_with_its_address_and_finishes_with_the_plan_stored() throws Exception {
        ResponseEntity<JsonNode> started = ops.post("supervisor", runs(), Map.of("seconds", 1));

        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo(runs() + "/" + started.getBody().path("id").asLong());
        assertThat(started.getBody().path("state").asText()).isEqualTo("RUNNING");
        assertThat(started.getBody().path("units").asInt()).isEqualTo(1);

        JsonNode run = ended(location);
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("FINISHED");
        assertThat(run.path("planKept").asBoolean()).isTrue();
        assertThat(run.path("unitsPlaced").asInt()).isEqualTo(1);
        assertThat(run.path("bestScore").asText()).endsWith("soft");
        assertThat(run.path("outcome").asText()).contains("Finished: 1 visits");
        assertThat(count("select count(*) from plan_visit where operation_id = ?")).isEqualTo(1);
        assertThat(count("select count(*) from operation_plan where operation_id = ? and planned_by = 'supervisor'"))
                .isEqualTo(1);
        assertThat(jdbc.sql("select kind from operation_event where operation_id = ? and kind like 'PLAN%' "
                + "order by id").param(id).query(String.class).list()).containsExactly("PLAN_RUN_STARTED", "PLANNED");
        assertThat(count("select count(*) from audit_entry where subject_id = ?::text "
                + "and action in ('OPERATION_PLAN_RUN_STARTED', 'OPERATION_PLANNED') and actor = 'supervisor'"))
                .isEqualTo(2);

        // reading it: need to know (an officer not on the roster is refused), and no other operation's run
        assertThat(api.as("officer").getForEntity(location, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        long other = ops.houstonOperation();
        assertThat(api.as("supervisor").getForEntity("/api/operations/" + other + "/plan-runs/"
                + run.path("id").asLong(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ops.post("officer", runs(), Map.of("seconds", 1)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> tooLong = ops.post("supervisor", runs(), Map.of("seconds", 301));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().toString()).contains("seconds");
    }

    @Test
    void a_cancel_stops_the_solver_early_and_keeps_the_best_plan_when_it_breaks_no_hard_constraint()
            throws Exception {
        // 30 s allowed: only the cancel makes it end within a few seconds
        ResponseEntity<JsonNode> started = ops.post("supervisor", runs(), Map.of("seconds", 30));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode progress = ops.get("supervisor", location);
        while (progress.path("bestScore").isNull() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            progress = ops.get("supervisor", location);
        }
        assertThat(progress.path("state").asText()).isEqualTo("RUNNING");
        assertThat(progress.path("unitsPlaced").asInt()).as("the progress written while it runs").isEqualTo(1);
        // meanwhile a plan asked for directly is refused, naming the run
        ResponseEntity<JsonNode> direct = ops.post("supervisor", "/api/operations/" + id + "/plan",
                Map.of("seconds", 1));
        assertThat(direct.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(direct.getBody().path("detail").asText()).contains("is being planned already (plan run");

        // a director of the operation's office, not the one who started it, may cancel it
        ResponseEntity<JsonNode> cancel = ops.post("director", location + "/cancel", null);
        assertThat(cancel.getStatusCode()).as(String.valueOf(cancel.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(cancel.getBody().path("cancelRequestedBy").asText()).isEqualTo("director");
        JsonNode run = ended(location);

        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("CANCELLED");
        assertThat(run.path("elapsedSeconds").asLong()).as("stopped before its 30 s limit").isLessThan(30);
        assertThat(run.path("planKept").asBoolean()).isTrue();
        assertThat(run.path("outcome").asText()).contains("no hard violation and was stored");
        assertThat(count("select count(*) from plan_visit where operation_id = ?")).isEqualTo(1);

        ResponseEntity<JsonNode> again = ops.post("supervisor", location + "/cancel", null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(again.getBody().path("detail").asText()).contains("is CANCELLED", "nothing to cancel");
        assertThat(count("select count(*) from operation_event where operation_id = ? "
                + "and kind = 'PLAN_RUN_CANCEL_REQUESTED' and actor = 'director'")).isEqualTo(1);
    }

    @Test
    void a_cancelled_run_whose_best_schedule_breaks_a_hard_constraint_keeps_the_previous_plan() throws Exception {
        ok(ops.post("supervisor", "/api/operations/" + id + "/plan", Map.of("seconds", 1)), HttpStatus.OK);
        OffsetDateTime planned = jdbc.sql("select planned_at from operation_plan where operation_id = ?").param(id)
                .query(OffsetDateTime.class).single();
        planner.solveWithControl((input, control) -> {
            awaitCancel(control);
            ScheduleResult best = ScheduleSolver.solve(input, control);
            // as if the best schedule found by the cancel still broke a hard constraint
            return new ScheduleResult(best.assignments(), best.unassignedUnitIds(), -1, best.softScore(), false,
                    best.violations(), best.timings());
        });
        String location = ops.post("supervisor", runs(), Map.of("seconds", 30)).getHeaders().getLocation()
                .toString();

        ok(ops.post("supervisor", location + "/cancel", null), HttpStatus.ACCEPTED);
        JsonNode run = ended(location);

        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("CANCELLED");
        assertThat(run.path("planKept").asBoolean()).isFalse();
        assertThat(run.path("outcome").asText()).contains("breaks hard constraints", "the previous plan stays");
        assertThat(jdbc.sql("select planned_at from operation_plan where operation_id = ?").param(id)
                .query(OffsetDateTime.class).single()).isEqualTo(planned);
        assertThat(count("select count(*) from operation_event where operation_id = ? and kind = 'PLAN_RUN_CANCELLED'"))
                .isEqualTo(1);
    }

    @Test
    void while_a_run_runs_the_dry_runs_plan_links_go_to_its_progress_not_to_the_hidden_plan_form() throws Exception {
        org.caseops.fixtures.FormSession supervisor = org.caseops.fixtures.FormSession.signIn(environment,
                "supervisor");
        String board = supervisor.get("/operations/" + id).body();
        assertThat(board).as("no plan yet: the dry run's conflict links to the form").contains("id=\"plan-form\"",
                "href=\"#plan-form\">plan again</a>");
        planner.solveWithControl((input, control) -> {
            awaitCancel(control);
            return ScheduleSolver.solve(input, control);
        });
        String location = ops.post("supervisor", runs(), Map.of("seconds", 30)).getHeaders().getLocation()
                .toString();

        String running = supervisor.get("/operations/" + id).body();
        assertThat(running).contains("id=\"plan-run\"",
                        "href=\"#plan-run\">a plan run is in progress: see it</a>")
                .doesNotContain("id=\"plan-form\"", "href=\"#plan-form\"");

        ok(ops.post("supervisor", location + "/cancel", null), HttpStatus.ACCEPTED);
        assertThat(ended(location).path("state").asText()).isEqualTo("CANCELLED");
        assertThat(supervisor.get("/operations/" + id).body()).contains("id=\"plan-form\"")
                .doesNotContain("href=\"#plan-run\"");
    }

    private static void awaitCancel(SolveControl control) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!control.cancelled() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void of_two_starts_at_once_one_is_202_and_the_other_a_409_naming_the_run() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        planner.solveWithControl((input, control) -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScheduleSolver.solve(input, control);
        });

        List<ResponseEntity<JsonNode>> answers = AllAtOnce.run(2, () -> ops.post("supervisor", runs(),
                Map.of("seconds", 1)));

        assertThat(answers.stream().map(a -> a.getStatusCode().value()).sorted().toList()).containsExactly(202, 409);
        JsonNode refused = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT).findFirst()
                .orElseThrow().getBody();
        assertThat(refused.path("detail").asText()).contains("is being planned already", "started by supervisor");
        assertThat(count("select count(*) from plan_run where operation_id = ?")).isEqualTo(1);
        release.countDown();
        String location = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.ACCEPTED).findFirst()
                .orElseThrow().getHeaders().getLocation().toString();
        assertThat(ended(location).path("state").asText()).isEqualTo("FINISHED");
    }

    @Test
    void a_run_left_running_by_a_dead_server_is_marked_failed_and_does_not_block_the_next() throws Exception {
        long stale = jdbc.sql("""
                insert into plan_run (operation_id, started_by, seconds, operation_version, units, started_at,
                                      heartbeat_at)
                values (?, 'supervisor', 30, 1, 1, now() - interval '10 minutes', now() - interval '9 minutes')
                returning id""").param(id).query(Long.class).single();

        ResponseEntity<JsonNode> started = ops.post("supervisor", runs(), Map.of("seconds", 1));

        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode failed = ops.get("supervisor", runs() + "/" + stale);
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("outcome").asText()).contains("no heartbeat");
        assertThat(count("select count(*) from audit_entry where subject_id = ?::text "
                + "and action = 'OPERATION_PLAN_RUN_FAILED' and actor = 'system:plan-runs'")).isEqualTo(1);
        assertThat(ended(started.getHeaders().getLocation().toString()).path("state").asText())
                .isEqualTo("FINISHED");
    }
}
