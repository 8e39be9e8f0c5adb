package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.task.TasksApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

/** {@code POST /api/tasks}: supervisors and directors create GENERAL tasks in their own field office. */
@CaseOpsTest
class PostTaskTest {

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

    private static Map<String, Object> body(Object... fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Book the staging hotel");
        body.put("team", "HOU");
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    private long tasks() {
        return jdbc.sql("select count(*) from task").query(Long.class).single();
    }

    @Test
    void a_supervisor_creates_a_general_task_for_the_team_of_their_field_office() {
        ResponseEntity<JsonNode> response = t.post("supervisor", "/api/tasks", body());

        JsonNode task = ok(response, HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/tasks/" + task.path("id").asLong());
        assertThat(task.path("type").asText()).isEqualTo("GENERAL");
        assertThat(task.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(task.path("title").asText()).isEqualTo("Book the staging hotel");
        assertThat(task.path("assigneeTeam").asText()).isEqualTo("HOU");
        assertThat(task.path("assigneeUser").isNull()).isTrue();
        assertThat(task.path("fieldOffice").asText()).isEqualTo("HOU");
        assertThat(task.path("createdBy").asText()).isEqualTo("supervisor");
        assertThat(task.path("version").asInt()).isZero();
        assertThat(t.auditActions(task.path("id").asLong())).containsExactly("TASK_CREATED");
    }

    @Test
    void a_director_creates_a_task_for_an_officer_about_a_subject_of_an_operation_with_a_due_time() {
        JsonNode task = ok(t.post("director", "/api/tasks", body("team", null, "user", "officer",
                "subjectType", "PERSON", "subjectId", "991000001", "operationId", 7,
                "dueAt", "2019-06-24T18:00:00Z")), HttpStatus.CREATED);

        assertThat(task.path("assigneeUser").asText()).isEqualTo("officer");
        assertThat(task.path("subjectType").asText()).isEqualTo("PERSON");
        assertThat(task.path("subjectId").asText()).isEqualTo("991000001");
        assertThat(task.path("operationId").asLong()).isEqualTo(7);
        assertThat(Instant.parse(task.path("dueAt").asText())).isEqualTo(Instant.parse("2019-06-24T18:00:00Z"));
        assertThat(task.path("overdue").asBoolean()).isTrue();
    }

    @Test
    void officers_and_counsel_do_not_create_tasks_by_hand() {
        TasksApi.status(t.post("officer", "/api/tasks", body()), HttpStatus.FORBIDDEN);
        TasksApi.status(t.post("attorney", "/api/tasks", body()), HttpStatus.FORBIDDEN);
        TasksApi.status(t.post("admin", "/api/tasks", body()), HttpStatus.FORBIDDEN);
        assertThat(tasks()).isZero();
    }

    @Test
    void a_supervisor_does_not_create_tasks_in_another_field_office() {
        TasksApi.status(t.post("supervisor", "/api/tasks", body("fieldOffice", "CHI", "team", "CHI")),
                HttpStatus.FORBIDDEN);
        // a parent in another field office is named like one that does not exist
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("parentId", t.chicagoTeamTask())),
                "parentId");
        assertThat(tasks()).isEqualTo(1);
    }

    @Test
    void only_general_tasks_are_created_by_hand() {
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("type", "COLLATERAL_REVIEW")), "type");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("type", "NO_SUCH_TYPE")), "type");
        assertThat(tasks()).isZero();
    }

    @Test
    void a_task_needs_a_title_and_exactly_one_assignee() {
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("title", "  ")), "title");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("title", "x".repeat(501))), "title");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("team", null)), "user");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("user", "officer")), "team");
        assertThat(tasks()).isZero();
    }

    @Test
    void an_assignee_who_cannot_hold_a_task_of_the_office_is_a_400_naming_the_field() {
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("team", null, "user", "officer.chicago")),
                "user");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("team", null, "user", "attorney")), "user");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("team", null, "user", "nobody")), "user");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("team", "CHI")), "team");
        assertThat(tasks()).isZero();
    }

    @Test
    void a_subject_has_a_type_and_an_id() {
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("subjectType", "PERSON")), "subjectId");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("subjectId", "991000001")), "subjectType");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("subjectType", "PLANET", "subjectId", "3")),
                "subjectType");
    }

    @Test
    void an_unknown_parent_or_a_malformed_due_time_is_a_400_naming_the_field() {
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("parentId", 987654321)), "parentId");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks", body("dueAt", "tomorrow")), "dueAt");
        assertThat(tasks()).isZero();
    }

    @Test
    void without_signing_in_it_is_a_401() {
        assertThat(api.anonymous().postForEntity("/api/tasks", body(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
