package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.caseops.access.Role;
import org.caseops.access.Users;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.TestUsers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fixture for task tests: no tasks to begin with ({@link #TasksApi}), GENERAL tasks created by hand through the
 * API, tasks of the other types as a feature would create them ({@link Tasks#createAsSystem}), and requests as any
 * user. Beside the demo users: {@link #CHI_SUPERVISOR} and a second Houston officer, {@link #OTHER_OFFICER}.
 */
final class TasksApi {

    static final String CHI_SUPERVISOR = "task.supervisor.chicago";
    static final String OTHER_OFFICER = "task.officer.two";
    static final String TIMER = "system:test-clock";

    private final Api api;
    private final Tasks tasks;
    private final JdbcClient jdbc;

    /** Deletes every task, so that queues hold only what the test makes. */
    TasksApi(Api api, Tasks tasks, Users users, JdbcClient jdbc) {
        this.api = api;
        this.tasks = tasks;
        this.jdbc = jdbc;
        TestUsers.ensure(users, CHI_SUPERVISOR, Role.SUPERVISOR, "CHI");
        TestUsers.ensure(users, OTHER_OFFICER, Role.OFFICER, "HOU");
        // task history is append-only for the application: clearing it is the owner's
        try (org.caseops.fixtures.Database.Owner owner = org.caseops.fixtures.Database.owner(jdbc)) {
            owner.jdbc().sql("delete from task_event").update();
            owner.jdbc().sql("delete from task").update();
        }
    }

    /** A GENERAL task created by hand by {@code supervisor} in HOU, held by the team HOU. */
    long houstonTeamTask() {
        return general("supervisor", Map.of("title", "Check the hotel booking", "team", "HOU"));
    }

    /** A GENERAL task created by {@code supervisor} in HOU, held by {@code user}. */
    long houstonTaskOf(String user) {
        return general("supervisor", Map.of("title", "Prepare the roster for " + user, "user", user));
    }

    /** A GENERAL task created by the Chicago supervisor, held by the team CHI. */
    long chicagoTeamTask() {
        return general(CHI_SUPERVISOR, Map.of("title", "Chicago task", "team", "CHI"));
    }

    /** A child of {@code parent}, created by hand by {@code supervisor} and held by {@code user}. */
    long childOf(long parent, String user) {
        return general("supervisor", Map.of("title", "Child of " + parent, "user", user, "parentId", parent));
    }

    long general(String creator, Map<String, Object> body) {
        return ok(post(creator, "/api/tasks", body), HttpStatus.CREATED).path("id").asLong();
    }

    /** A task of any type, created as a feature's timer would create it. */
    Task system(NewTask task) {
        return tasks.createAsSystem(task, TIMER);
    }

    /** A task in HOU of this type for team HOU, due at {@code due} (null: no due time). */
    long ofType(TaskType type, Instant due) {
        return system(NewTask.of(type, type + " task", "HOU", Assignee.ofTeam("HOU")).due(due)).id();
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return api.as(user).postForEntity(path, body, JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return api.as(user).getForEntity(path, JsonNode.class);
    }

    /** POSTs an action on a task with these body fields. */
    ResponseEntity<JsonNode> act(String user, long id, String action, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return post(user, "/api/tasks/" + id + "/" + action, body);
    }

    /** The task as stored, read without any access check. */
    Task task(long id) {
        return tasks.find(id).orElseThrow();
    }

    TaskStatus status(long id) {
        return task(id).status();
    }

    java.util.List<String> auditActions(long id) {
        return jdbc.sql("select action from audit_entry where subject_type = 'TASK' and subject_id = ? order by seq")
                .param(String.valueOf(id)).query(String.class).list();
    }

    static JsonNode ok(ResponseEntity<JsonNode> response, HttpStatus expected) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(expected);
        return response.getBody();
    }

    static void status(ResponseEntity<JsonNode> response, HttpStatus expected) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(expected);
    }
}
