package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.operation.schedule.ScheduleSolver;
import org.caseops.system.ConnectionNesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One version check for an operation: the client sends the version it read and a stale write is a 409 naming the
 * current one; the solver runs with no connection held and no transaction open, and its result is saved only if
 * the operation is still as it was read when solving began.
 */
@CaseOpsTest
class PlanAndVersionTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Planner planner;
    OperationsApi ops;
    long id;

    @BeforeEach
    void operation() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ops = new OperationsApi(api);
        id = ops.houstonOperation();
        ok(ops.post("supervisor", "/api/operations/" + id + "/targets", Map.of("familyId", 1001)),
                HttpStatus.CREATED);
    }

    @AfterEach
    void realSolver() {
        planner.realSolver();
    }

    private int version() {
        return jdbc.sql("select version from operation where id = ?").param(id).query(Integer.class).single();
    }

    private static Map<String, Object> team(String name, Integer version) {
        Map<String, Object> team = new java.util.HashMap<>(Map.of("name", name, "size", 4, "shifts",
                List.of(Map.of("day", "2019-06-23", "starts", "06:00", "ends", "14:00"))));
        if (version != null) {
            team.put("version", version);
        }
        return team;
    }

    @Test
    void a_change_sent_with_a_stale_version_is_refused_naming_the_current_one() {
        int read = version();
        ok(ops.post("supervisor", "/api/operations/" + id + "/teams", team("Team 3", read)), HttpStatus.CREATED);

        ResponseEntity<JsonNode> stale = ops.post("supervisor", "/api/operations/" + id + "/teams",
                team("Team 4", read));

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("detail").asText()).contains("at version " + version())
                .contains("not " + read);
        assertThat(jdbc.sql("select count(*) from operation_team where operation_id = ? and name = 'Team 4'")
                .param(id).query(Long.class).single()).isZero();
        ResponseEntity<JsonNode> staleCancel = ops.post("supervisor", "/api/operations/" + id + "/cancel",
                Map.of("reason", "no longer needed", "version", read));
        assertThat(staleCancel.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("select state from operation where id = ?").param(id).query(String.class).single())
                .isEqualTo("DRAFT");
    }

    @Test
    void the_solver_runs_with_no_connection_held_and_no_transaction_open() {
        List<String> seen = new ArrayList<>();
        planner.solveWith(input -> {
            seen.add("transaction " + TransactionSynchronizationManager.isActualTransactionActive()
                    + ", connections " + ConnectionNesting.heldByThisThread());
            return ScheduleSolver.solve(input);
        });

        JsonNode plan = ok(ops.post("supervisor", "/api/operations/" + id + "/plan", Map.of("seconds", 2)),
                HttpStatus.OK);

        assertThat(seen).containsExactly("transaction false, connections 0");
        assertThat(plan.path("visits").asInt()).isEqualTo(1);

        // the stored plan's score broken down by constraint: every constraint listed, the penalties adding up to it
        JsonNode stored = ok(api.as("supervisor").getForEntity("/api/operations/" + id + "/plan", JsonNode.class),
                HttpStatus.OK);
        JsonNode breakdown = stored.path("breakdown");
        assertThat(breakdown.findValuesAsText("constraint")).containsExactlyElementsOf(java.util.stream.Stream
                .concat(org.caseops.operation.schedule.ScheduleConstraints.HARD.stream(),
                        org.caseops.operation.schedule.ScheduleConstraints.SOFT.stream()).toList());
        long hard = 0;
        long soft = 0;
        for (JsonNode c : breakdown) {
            if (c.path("level").asText().equals("HARD")) {
                hard += c.path("penalty").asLong();
            } else {
                soft += c.path("penalty").asLong();
            }
        }
        assertThat(stored.path("score").asText()).isEqualTo((hard == 0 ? "0" : "-" + hard) + "hard/"
                + (soft == 0 ? "0" : "-" + soft) + "soft");
        assertThat(jdbc.sql("select count(*) from plan_visit where operation_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_change_made_while_the_solver_runs_makes_the_plan_a_409_and_nothing_of_it_is_saved() {
        planner.solveWith(input -> {
            // another planner adds a team meanwhile: the solver's input no longer describes the operation
            ok(ops.post("supervisor", "/api/operations/" + id + "/teams", team("Team late", null)),
                    HttpStatus.CREATED);
            return ScheduleSolver.solve(input);
        });
        int read = version();

        ResponseEntity<JsonNode> planned = ops.post("supervisor", "/api/operations/" + id + "/plan",
                Map.of("seconds", 2));

        assertThat(planned.getStatusCode()).as(String.valueOf(planned.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(planned.getBody().path("detail").asText()).contains("at version " + read)
                .contains("at version " + version());
        assertThat(jdbc.sql("select count(*) from plan_visit where operation_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from operation_plan where operation_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }
}
