package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.task.TasksApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import org.caseops.access.Users;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/queues/operation/{operationId}}: the open tasks of an operation in the caller's field office (the
 * roster's need-to-know is the operation's; this queue is scoped by field office).
 */
@CaseOpsTest
class GetQueueOperationTest {

    @Autowired
    Api api;
    @Autowired
    Tasks tasks;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    TasksApi t;

    @BeforeEach
    void noTasks() {
        t = new TasksApi(api, tasks, users, jdbc);
    }

    private long ofOperation(long operation, String office, TaskType type) {
        return t.system(NewTask.of(type, type + " of operation " + operation, office, Assignee.ofTeam(office))
                .operation(operation).about(SubjectType.OPERATION, String.valueOf(operation))).id();
    }

    @Test
    void lists_the_open_tasks_of_the_operation_in_the_callers_field_office() {
        long welfare = ofOperation(41, "HOU", TaskType.CHILD_WELFARE_CHECK);
        long review = ofOperation(41, "HOU", TaskType.COLLATERAL_REVIEW);
        long chicago = ofOperation(41, "CHI", TaskType.CHILD_WELFARE_CHECK);
        ofOperation(42, "HOU", TaskType.GENERAL);
        long cancelled = ofOperation(41, "HOU", TaskType.GENERAL);
        ok(t.act("supervisor", cancelled, "cancel", "reason", "not needed"), HttpStatus.OK);

        JsonNode houston = ok(t.get("officer", "/api/queues/operation/41"), HttpStatus.OK);
        JsonNode inChicago = ok(t.get("officer.chicago", "/api/queues/operation/41"), HttpStatus.OK);

        assertThat(houston.path("name").asText()).isEqualTo("operation 41");
        assertThat(houston.path("items").findValuesAsText("id")).containsExactly(String.valueOf(welfare),
                String.valueOf(review));
        assertThat(inChicago.path("items").findValuesAsText("id")).containsExactly(String.valueOf(chicago));
        assertThat(ok(t.get("director", "/api/queues/operation/41?status=ASSIGNED"), HttpStatus.OK)
                .path("total").asLong()).isEqualTo(2);
    }

    @Test
    void counsel_auditors_partners_and_administrators_are_refused() {
        for (String user : new String[] {"attorney", "auditor", "partner", "admin"}) {
            TasksApi.status(t.get(user, "/api/queues/operation/41"), HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void an_operation_id_that_is_not_a_number_is_a_400_naming_it() {
        Problems.assertBadInput(t.get("officer", "/api/queues/operation/op-41"), "operationId");
    }

    @Test
    void without_signing_in_it_is_a_401() {
        assertThat(api.anonymous().getForEntity("/api/queues/operation/41", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
