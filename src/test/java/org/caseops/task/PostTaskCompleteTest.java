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
 * {@code POST /api/tasks/{id}/complete} {@code {"resolution"}}: child-welfare checks and collateral reviews say what
 * was found; only a supervisor completes a collateral review, only counsel a legal review.
 */
@CaseOpsTest
class PostTaskCompleteTest {

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
    void the_assignee_completes_their_task_with_a_resolution() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("officer", id, "start"), HttpStatus.OK);

        JsonNode task = ok(t.act("officer", id, "complete", "resolution", "  Roster sent to the team lead. "),
                HttpStatus.OK);

        assertThat(task.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(task.path("resolution").asText()).isEqualTo("Roster sent to the team lead.");
        assertThat(task.path("closedBy").asText()).isEqualTo("officer");
        assertThat(task.path("closedAt").asText()).isNotBlank();
        assertThat(t.auditActions(id)).endsWith("TASK_COMPLETED");
    }

    @Test
    void a_general_task_is_completed_without_a_resolution_and_without_a_body() {
        long id = t.houstonTaskOf("officer");

        JsonNode task = ok(api.as("officer").postForEntity("/api/tasks/" + id + "/complete", null, JsonNode.class),
                HttpStatus.OK);

        assertThat(task.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(task.path("resolution").isNull()).isTrue();
    }

    @Test
    void a_child_welfare_check_is_not_completed_without_saying_what_was_found() {
        long id = t.ofType(TaskType.CHILD_WELFARE_CHECK, null);

        Problems.assertBadInput(t.act("officer", id, "complete"), "resolution");
        Problems.assertBadInput(t.act("officer", id, "complete", "resolution", " "), "resolution");
        assertThat(t.status(id)).isEqualTo(TaskStatus.ASSIGNED);

        ok(t.act("officer", id, "complete", "resolution", "Child is with the aunt; visited at 19:40"), HttpStatus.OK);
    }

    @Test
    void only_a_supervisor_completes_a_collateral_review_whoever_holds_it() {
        long id = t.system(NewTask.of(TaskType.COLLATERAL_REVIEW, "Review collateral encounter 12", "HOU",
                Assignee.ofUser("officer")).about(SubjectType.ENCOUNTER, "12")).id();

        TasksApi.status(t.act("officer", id, "complete", "resolution", "looks fine"), HttpStatus.FORBIDDEN);
        TasksApi.status(t.act("director", id, "complete", "resolution", "looks fine"), HttpStatus.FORBIDDEN);
        Problems.assertBadInput(t.act("supervisor", id, "complete"), "resolution");
        JsonNode task = ok(t.act("supervisor", id, "complete", "resolution", "Legal basis recorded and sufficient"),
                HttpStatus.OK);

        assertThat(task.path("closedBy").asText()).isEqualTo("supervisor");
    }

    @Test
    void only_counsel_completes_a_legal_review_in_any_field_office() {
        long chicago = t.system(NewTask.of(TaskType.LEGAL_REVIEW, "Review the motion", "CHI",
                Assignee.ofTeam("CHI"))).id();
        long houston = t.system(NewTask.of(TaskType.LEGAL_REVIEW, "Review the stay", "HOU",
                Assignee.ofTeam("HOU"))).id();

        TasksApi.status(t.act("supervisor", houston, "complete"), HttpStatus.FORBIDDEN);
        ok(t.act("attorney", chicago, "complete", "resolution", "No bar to removal"), HttpStatus.OK);
        ok(t.act("attorney", houston, "complete"), HttpStatus.OK);
    }

    @Test
    void another_officer_or_another_field_office_is_refused() {
        long id = t.houstonTaskOf("officer");

        TasksApi.status(t.act(TasksApi.OTHER_OFFICER, id, "complete"), HttpStatus.FORBIDDEN);
        TasksApi.status(t.act("officer.chicago", id, "complete"), HttpStatus.NOT_FOUND);
        TasksApi.status(t.act("attorney", id, "complete"), HttpStatus.NOT_FOUND);
        TasksApi.status(t.act("partner", id, "complete"), HttpStatus.FORBIDDEN);
        assertThat(t.status(id)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void completing_a_closed_task_is_a_409() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("officer", id, "complete"), HttpStatus.OK);

        TasksApi.status(t.act("officer", id, "complete"), HttpStatus.CONFLICT);
        TasksApi.status(t.act("supervisor", t.houstonTaskOf("officer"), "complete", "version", 5),
                HttpStatus.CONFLICT);
    }

    @Test
    void a_resolution_over_ten_thousand_characters_is_a_400() {
        Problems.assertBadInput(t.act("officer", t.houstonTaskOf("officer"), "complete", "resolution",
                "x".repeat(10_001)), "resolution");
    }

    @Test
    void an_unknown_task_is_a_404() {
        Problems.assertNotFound(t.act("officer", 987654321, "complete"), "no task 987654321");
    }

    @Test
    void without_signing_in_it_is_a_401() {
        assertThat(api.anonymous().postForEntity("/api/tasks/" + t.houstonTeamTask() + "/complete", null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
