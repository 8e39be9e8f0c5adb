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

/** {@code GET /api/tasks/{id}}: the task, the moves its status allows, its children and its history. */
@CaseOpsTest
class GetTaskTest {

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
    void an_officer_reads_a_task_of_their_field_office_with_its_children_moves_and_history() {
        long parent = t.houstonTeamTask();
        long child = t.childOf(parent, "officer");

        JsonNode view = ok(t.get("officer", "/api/tasks/" + parent), HttpStatus.OK);

        assertThat(view.path("task").path("id").asLong()).isEqualTo(parent);
        assertThat(view.path("task").path("type").asText()).isEqualTo("GENERAL");
        assertThat(view.path("task").path("status").asText()).isEqualTo("ON_HOLD");
        assertThat(view.path("task").path("resumesAs").asText()).isEqualTo("ASSIGNED");
        assertThat(view.path("task").path("assigneeTeam").asText()).isEqualTo("HOU");
        assertThat(view.path("task").path("fieldOffice").asText()).isEqualTo("HOU");
        assertThat(view.path("task").path("createdBy").asText()).isEqualTo("supervisor");
        assertThat(view.path("task").path("children").asInt()).isEqualTo(1);
        assertThat(view.path("task").path("openChildren").asInt()).isEqualTo(1);
        assertThat(view.path("task").path("version").asInt()).isEqualTo(1);
        assertThat(view.path("next").toString()).contains("ASSIGNED", "IN_PROGRESS", "CANCELLED");
        assertThat(view.path("children").findValuesAsText("id")).containsExactly(String.valueOf(child));
        assertThat(view.path("events").findValuesAsText("kind")).containsExactly("CREATED", "PUT_ON_HOLD");
        assertThat(t.auditActions(parent)).endsWith("TASK_READ");
    }

    @Test
    void an_officer_reads_the_task_assigned_to_them_and_a_supervisor_any_task_of_the_office() {
        long mine = t.houstonTaskOf("officer");

        ok(t.get("officer", "/api/tasks/" + mine), HttpStatus.OK);
        ok(t.get("supervisor", "/api/tasks/" + mine), HttpStatus.OK);
        ok(t.get("director", "/api/tasks/" + mine), HttpStatus.OK);
    }

    @Test
    void an_officer_of_another_field_office_is_refused() {
        long task = t.houstonTeamTask();

        // another field office's task answers as one that does not exist (issue 13)
        TasksApi.status(t.get("officer.chicago", "/api/tasks/" + task), HttpStatus.NOT_FOUND);
        TasksApi.status(t.get("officer", "/api/tasks/" + t.chicagoTeamTask()), HttpStatus.NOT_FOUND);
    }

    @Test
    void counsel_reads_legal_reviews_in_any_field_office_and_no_other_task() {
        long review = t.system(NewTask.of(TaskType.LEGAL_REVIEW, "Review the stay request", "CHI",
                Assignee.ofTeam("CHI"))).id();

        ok(t.get("attorney", "/api/tasks/" + review), HttpStatus.OK);
        TasksApi.status(t.get("attorney", "/api/tasks/" + t.houstonTeamTask()), HttpStatus.NOT_FOUND);
    }

    @Test
    void auditors_partners_and_administrators_are_refused() {
        long task = t.houstonTeamTask();

        for (String user : new String[] {"auditor", "partner", "admin"}) {
            TasksApi.status(t.get(user, "/api/tasks/" + task), HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void an_unknown_task_is_a_404() {
        Problems.assertNotFound(t.get("officer", "/api/tasks/987654321"), "no task 987654321");
    }

    @Test
    void an_id_that_is_not_a_number_is_a_400_naming_the_field() {
        Problems.assertBadInput(t.get("officer", "/api/tasks/abc"), "id");
    }

    @Test
    void without_signing_in_it_is_a_401() {
        assertThat(api.anonymous().getForEntity("/api/tasks/" + t.houstonTeamTask(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
