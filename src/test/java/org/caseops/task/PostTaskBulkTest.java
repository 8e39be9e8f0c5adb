package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.task.TasksApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
 * {@code POST /api/tasks/bulk/reassign} and {@code /bulk/hold}: several tasks at once, each on its own; a task
 * someone else changed meanwhile is refused alone, saying who did what when.
 */
@CaseOpsTest
class PostTaskBulkTest {

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

    static Map<String, Object> item(long id, int version) {
        return Map.of("id", id, "version", version);
    }

    @Test
    void a_supervisor_reassigns_three_tasks_and_the_one_completed_meanwhile_says_by_whom_and_when() {
        long a = t.houstonTeamTask();
        long b = t.houstonTeamTask();
        long c = t.houstonTaskOf("officer");
        int cVersion = t.task(c).version();
        ok(t.act("officer", c, "complete", "resolution", "done first"), HttpStatus.OK);

        JsonNode result = ok(t.post("supervisor", "/api/tasks/bulk/reassign", Map.of("tasks",
                List.of(item(a, t.task(a).version()), item(b, t.task(b).version()), item(c, cVersion)),
                "user", TasksApi.OTHER_OFFICER)), HttpStatus.OK);

        assertThat(result.path("done").asInt()).isEqualTo(2);
        assertThat(result.path("refused").asInt()).isEqualTo(1);
        JsonNode refused = result.path("tasks").get(2);
        assertThat(refused.path("id").asLong()).isEqualTo(c);
        assertThat(refused.path("status").asInt()).isEqualTo(409);
        assertThat(refused.path("detail").asText()).contains("already completed by officer at ");
        assertThat(t.task(a).assigneeUser()).isEqualTo(TasksApi.OTHER_OFFICER);
        assertThat(t.task(b).assigneeUser()).isEqualTo(TasksApi.OTHER_OFFICER);
        assertThat(t.status(c)).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void a_bulk_hold_needs_its_reason_for_every_task_and_is_a_400_naming_it() {
        long a = t.houstonTeamTask();
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();

        Problems.assertBadInput(t.post("supervisor", "/api/tasks/bulk/hold", Map.of("tasks", List.of(Map.of("id", a)),
                "until", until)), "reason");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks/bulk/hold", Map.of("tasks", List.of(),
                "reason", "why", "until", until)), "tasks");
        Problems.assertBadInput(t.post("supervisor", "/api/tasks/bulk/hold", Map.of("tasks",
                List.of(Map.of("id", a), Map.of("id", a)), "reason", "why", "until", until)), "tasks");

        JsonNode result = ok(t.post("supervisor", "/api/tasks/bulk/hold", Map.of("tasks", List.of(Map.of("id", a)),
                "reason", "the court file is missing", "until", until)), HttpStatus.OK);
        assertThat(result.path("done").asInt()).isEqualTo(1);
        assertThat(t.task(a).holdReason()).isEqualTo("the court file is missing");
    }

    @Test
    void a_task_of_another_field_office_is_refused_alone() {
        long mine = t.houstonTeamTask();
        long chicago = t.chicagoTeamTask();

        JsonNode result = ok(t.post("officer", "/api/tasks/bulk/reassign", Map.of("tasks",
                List.of(Map.of("id", mine), Map.of("id", chicago)), "user", "officer")), HttpStatus.OK);

        assertThat(result.path("done").asInt()).isEqualTo(1);
        assertThat(result.path("tasks").get(1).path("status").asInt()).isEqualTo(404);
        assertThat(t.task(chicago).assigneeTeam()).isEqualTo("CHI");
    }
}
