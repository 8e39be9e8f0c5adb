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
 * {@code POST /api/tasks/{id}/cancel} {@code {"reason"}}: supervisors and directors of the task's field office; the
 * assignee hands a task back instead.
 */
@CaseOpsTest
class PostTaskCancelTest {

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

    @Test
    void a_supervisor_cancels_a_task_with_the_reason_recorded() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("officer", id, "start"), HttpStatus.OK);

        JsonNode task = ok(t.act("supervisor", id, "cancel", "reason", "Hotel booked by headquarters"),
                HttpStatus.OK);

        assertThat(task.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(task.path("resolution").asText()).isEqualTo("Hotel booked by headquarters");
        assertThat(task.path("closedBy").asText()).isEqualTo("supervisor");
        assertThat(jdbc.sql("select detail from audit_entry where action = 'TASK_CANCELLED' and subject_id = ?")
                .param(String.valueOf(id)).query(String.class).single())
                .contains("IN_PROGRESS → CANCELLED", "Hotel booked by headquarters");
    }

    @Test
    void a_director_cancels_a_task_of_the_office() {
        ok(t.act("director", t.ofType(TaskType.CUSTODY_REVIEW, null), "cancel", "reason", "removed"), HttpStatus.OK);
    }

    @Test
    void cancelling_says_why() {
        long id = t.houstonTaskOf("officer");

        Problems.assertBadInput(t.act("supervisor", id, "cancel"), "reason");
        Problems.assertBadInput(t.act("supervisor", id, "cancel", "reason", "  "), "reason");
        assertThat(t.status(id)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void an_officer_does_not_cancel_even_their_own_task() {
        long id = t.houstonTaskOf("officer");

        TasksApi.status(t.act("officer", id, "cancel", "reason", "too busy"), HttpStatus.FORBIDDEN);
        assertThat(t.status(id)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void a_supervisor_of_another_field_office_and_counsel_are_refused() {
        long id = t.houstonTeamTask();

        TasksApi.status(t.act(TasksApi.CHI_SUPERVISOR, id, "cancel", "reason", "x"), HttpStatus.NOT_FOUND);
        TasksApi.status(t.act("attorney", id, "cancel", "reason", "x"), HttpStatus.FORBIDDEN); // the role
        assertThat(t.status(id)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void cancelling_a_closed_task_is_a_409() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("officer", id, "complete"), HttpStatus.OK);

        TasksApi.status(t.act("supervisor", id, "cancel", "reason", "late"), HttpStatus.CONFLICT);
        assertThat(t.status(id)).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void an_unknown_task_is_a_404() {
        Problems.assertNotFound(t.act("supervisor", 987654321, "cancel", "reason", "x"), "no task 987654321");
    }

    @Test
    void without_signing_in_it_is_a_401() {
        assertThat(api.anonymous().postForEntity("/api/tasks/" + t.houstonTeamTask() + "/cancel", null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
