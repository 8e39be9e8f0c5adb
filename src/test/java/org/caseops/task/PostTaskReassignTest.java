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
 * {@code POST /api/tasks/{id}/reassign} {@code {"user"}} or {@code {"team"}}: to someone who can hold the task in its
 * field office; a task in progress goes back to ASSIGNED.
 */
@CaseOpsTest
class PostTaskReassignTest {

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
    void a_supervisor_gives_a_task_in_progress_to_another_officer_who_has_not_started_it() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("officer", id, "start"), HttpStatus.OK);

        JsonNode task = ok(t.act("supervisor", id, "reassign", "user", TasksApi.OTHER_OFFICER), HttpStatus.OK);

        assertThat(task.path("assigneeUser").asText()).isEqualTo(TasksApi.OTHER_OFFICER);
        assertThat(task.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(t.auditActions(id)).endsWith("TASK_REASSIGNED");
        assertThat(jdbc.sql("select detail from task_event where task_id = ? and kind = 'REASSIGNED'").param(id)
                .query(String.class).single()).isEqualTo("from user officer to user " + TasksApi.OTHER_OFFICER);
    }

    @Test
    void an_officer_hands_their_task_back_to_the_team_and_another_takes_it() {
        long id = t.houstonTaskOf("officer");

        JsonNode back = ok(t.act("officer", id, "reassign", "team", "hou"), HttpStatus.OK);
        assertThat(back.path("assigneeTeam").asText()).isEqualTo("HOU");
        assertThat(back.path("assigneeUser").isNull()).isTrue();

        JsonNode taken = ok(t.act(TasksApi.OTHER_OFFICER, id, "reassign", "user", TasksApi.OTHER_OFFICER),
                HttpStatus.OK);
        assertThat(taken.path("assigneeUser").asText()).isEqualTo(TasksApi.OTHER_OFFICER);
    }

    @Test
    void a_task_goes_to_a_team_of_the_office_by_name() {
        long id = t.houstonTeamTask();

        JsonNode task = ok(t.act("supervisor", id, "reassign", "team", "op 7 Team 1"), HttpStatus.OK);

        assertThat(task.path("assigneeTeam").asText()).isEqualTo("op 7 Team 1");
    }

    @Test
    void counsel_takes_a_legal_review_and_can_hold_no_other_task() {
        long review = t.ofType(TaskType.LEGAL_REVIEW, null);

        ok(t.act("attorney", review, "reassign", "user", "attorney"), HttpStatus.OK);
        Problems.assertBadInput(t.act("supervisor", t.houstonTeamTask(), "reassign", "user", "attorney"), "user");
    }

    @Test
    void someone_who_cannot_hold_the_task_is_a_400_naming_the_field() {
        long id = t.houstonTeamTask();

        Problems.assertBadInput(t.act("supervisor", id, "reassign", "user", "officer.chicago"), "user");
        Problems.assertBadInput(t.act("supervisor", id, "reassign", "user", "no.such.user"), "user");
        Problems.assertBadInput(t.act("supervisor", id, "reassign", "team", "CHI"), "team");
        Problems.assertBadInput(t.act("supervisor", id, "reassign", "user", "officer", "team", "HOU"), "team");
        Problems.assertBadInput(t.act("supervisor", id, "reassign"), "user");
        assertThat(t.task(id).assigneeTeam()).isEqualTo("HOU");
    }

    @Test
    void another_officer_may_not_reassign_someone_elses_task_nor_another_field_office() {
        long id = t.houstonTaskOf("officer");

        TasksApi.status(t.act(TasksApi.OTHER_OFFICER, id, "reassign", "user", TasksApi.OTHER_OFFICER),
                HttpStatus.FORBIDDEN);
        TasksApi.status(t.act("officer.chicago", id, "reassign", "team", "HOU"), HttpStatus.NOT_FOUND);
        TasksApi.status(t.act(TasksApi.CHI_SUPERVISOR, id, "reassign", "team", "HOU"), HttpStatus.NOT_FOUND);
        assertThat(t.task(id).assigneeUser()).isEqualTo("officer");
    }

    @Test
    void reassigning_a_closed_task_or_to_its_own_holder_is_a_409() {
        long id = t.houstonTaskOf("officer");

        TasksApi.status(t.act("supervisor", id, "reassign", "user", "officer"), HttpStatus.CONFLICT);
        ok(t.act("officer", id, "complete"), HttpStatus.OK);
        TasksApi.status(t.act("supervisor", id, "reassign", "team", "HOU"), HttpStatus.CONFLICT);
    }

    @Test
    void an_unknown_task_is_a_404() {
        Problems.assertNotFound(t.act("supervisor", 987654321, "reassign", "team", "HOU"), "no task 987654321");
    }

    @Test
    void without_signing_in_it_is_a_401() {
        assertThat(api.anonymous().postForEntity("/api/tasks/" + t.houstonTeamTask() + "/reassign", null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
