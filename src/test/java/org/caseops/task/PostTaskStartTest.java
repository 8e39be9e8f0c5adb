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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/tasks/{id}/start}: ASSIGNED → IN_PROGRESS; a team's task becomes the starter's. */
@CaseOpsTest
class PostTaskStartTest {

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
    void the_assignee_starts_their_task_and_the_start_is_audited() {
        long id = t.houstonTaskOf("officer");

        JsonNode task = ok(t.act("officer", id, "start"), HttpStatus.OK);

        assertThat(task.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(task.path("assigneeUser").asText()).isEqualTo("officer");
        assertThat(task.path("version").asInt()).isEqualTo(1);
        assertThat(t.auditActions(id)).containsExactly("TASK_CREATED", "TASK_STARTED");
    }

    @Test
    void an_officer_takes_a_team_task_by_starting_it() {
        long id = t.houstonTeamTask();

        JsonNode task = ok(t.act(TasksApi.OTHER_OFFICER, id, "start"), HttpStatus.OK);

        assertThat(task.path("assigneeUser").asText()).isEqualTo(TasksApi.OTHER_OFFICER);
        assertThat(task.path("assigneeTeam").isNull()).isTrue();
        JsonNode events = ok(t.get(TasksApi.OTHER_OFFICER, "/api/tasks/" + id), HttpStatus.OK).path("events");
        assertThat(events.get(1).path("detail").asText()).isEqualTo("taken from team HOU by " + TasksApi.OTHER_OFFICER);
    }

    @Test
    void a_supervisor_starts_an_officers_task_which_stays_the_officers() {
        long id = t.houstonTaskOf("officer");

        JsonNode task = ok(t.act("supervisor", id, "start"), HttpStatus.OK);

        assertThat(task.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(task.path("assigneeUser").asText()).isEqualTo("officer");
    }

    @Test
    void another_officer_of_the_office_may_not_start_someone_elses_task() {
        long id = t.houstonTaskOf("officer");

        TasksApi.status(t.act(TasksApi.OTHER_OFFICER, id, "start"), HttpStatus.FORBIDDEN);
        assertThat(t.status(id)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void an_officer_of_another_field_office_is_refused() {
        long id = t.houstonTeamTask();

        TasksApi.status(t.act("officer.chicago", id, "start"), HttpStatus.NOT_FOUND);
        TasksApi.status(t.act("attorney", id, "start"), HttpStatus.NOT_FOUND);
        TasksApi.status(t.act("auditor", id, "start"), HttpStatus.FORBIDDEN);
        assertThat(t.status(id)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void starting_a_task_already_in_progress_or_closed_is_a_409_the_table_refuses() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("officer", id, "start"), HttpStatus.OK);

        ResponseEntity<JsonNode> again = t.act("officer", id, "start");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("detail").asText()).contains("is IN_PROGRESS; it cannot go to IN_PROGRESS");
        ok(t.act("officer", id, "complete"), HttpStatus.OK);
        TasksApi.status(t.act("officer", id, "start"), HttpStatus.CONFLICT);
    }

    @Test
    void a_stale_version_is_a_409_and_changes_nothing() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("supervisor", id, "reassign", "team", "HOU"), HttpStatus.OK);

        ResponseEntity<JsonNode> stale = t.act("officer", id, "start", "version", 0);

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("detail").asText()).contains("is ASSIGNED at version 1, not 0");
        assertThat(t.status(id)).isEqualTo(TaskStatus.ASSIGNED);
        ok(t.act("officer", id, "start", "version", 1), HttpStatus.OK);
    }

    @Test
    void an_unknown_task_is_a_404() {
        Problems.assertNotFound(t.act("officer", 987654321, "start"), "no task 987654321");
    }

    @Test
    void without_signing_in_it_is_a_401() {
        assertThat(api.anonymous().postForEntity("/api/tasks/" + t.houstonTeamTask() + "/start", null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
