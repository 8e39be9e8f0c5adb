package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.task.TasksApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.caseops.access.Users;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code GET /api/queues/mine}: the caller's open tasks, due first, with their children counted; paged. */
@CaseOpsTest
class GetQueueMineTest {

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

    private long mine(TaskType type, Instant due) {
        return t.system(NewTask.of(type, type + " for officer", "HOU", Assignee.ofUser("officer")).due(due)).id();
    }

    @Test
    void lists_my_open_tasks_due_first_with_their_children_counted() {
        Instant now = Instant.now();
        long later = mine(TaskType.CUSTODY_REVIEW, now.plus(Duration.ofDays(3)));
        long undated = mine(TaskType.GENERAL, null);
        long soon = mine(TaskType.CHILD_WELFARE_CHECK, now.plus(Duration.ofHours(4)));
        long parent = t.houstonTaskOf("officer");
        t.childOf(parent, TasksApi.OTHER_OFFICER);
        long closed = t.houstonTaskOf("officer");
        ok(t.act("officer", closed, "complete"), HttpStatus.OK);
        t.houstonTaskOf(TasksApi.OTHER_OFFICER);
        t.houstonTeamTask();

        JsonNode queue = ok(t.get("officer", "/api/queues/mine"), HttpStatus.OK);

        assertThat(queue.path("name").asText()).isEqualTo("mine");
        assertThat(queue.path("total").asLong()).isEqualTo(4);
        assertThat(queue.path("items").findValuesAsText("id")).containsExactly(String.valueOf(soon),
                String.valueOf(later), String.valueOf(undated), String.valueOf(parent));
        JsonNode held = queue.path("items").get(3);
        assertThat(held.path("status").asText()).isEqualTo("ON_HOLD");
        assertThat(held.path("children").asInt()).isEqualTo(1);
        assertThat(held.path("openChildren").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select detail from audit_entry where action = 'TASK_QUEUE_READ' and actor = 'officer' "
                + "order by seq desc limit 1").query(String.class).single()).isEqualTo("page 0: 4 of 4 open tasks");
    }

    @Test
    void one_status_and_one_page_at_a_time() {
        for (int i = 0; i < 5; i++) {
            mine(TaskType.GENERAL, null);
        }
        long parent = t.houstonTaskOf("officer");
        t.childOf(parent, TasksApi.OTHER_OFFICER);

        JsonNode onHold = ok(t.get("officer", "/api/queues/mine?status=ON_HOLD"), HttpStatus.OK);
        JsonNode second = ok(t.get("officer", "/api/queues/mine?page=1&size=2"), HttpStatus.OK);

        assertThat(onHold.path("items").findValuesAsText("id")).containsExactly(String.valueOf(parent));
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(2);
        assertThat(second.path("total").asLong()).isEqualTo(6);
        assertThat(second.path("items").size()).isEqualTo(2);
    }

    @Test
    void counsel_sees_the_legal_reviews_assigned_to_them() {
        long review = t.system(NewTask.of(TaskType.LEGAL_REVIEW, "Review the stay", "CHI",
                Assignee.ofUser("attorney"))).id();

        JsonNode queue = ok(t.get("attorney", "/api/queues/mine"), HttpStatus.OK);

        assertThat(queue.path("items").findValuesAsText("id")).containsExactly(String.valueOf(review));
    }

    @Test
    void a_bad_page_size_or_status_is_a_400_naming_the_parameter() {
        Problems.assertBadInput(t.get("officer", "/api/queues/mine?page=-1"), "page");
        Problems.assertBadInput(t.get("officer", "/api/queues/mine?size=0"), "size");
        Problems.assertBadInput(t.get("officer", "/api/queues/mine?size=201"), "size");
        Problems.assertBadInput(t.get("officer", "/api/queues/mine?status=COMPLETED"), "status");
        Problems.assertBadInput(t.get("officer", "/api/queues/mine?status=DONE"), "status");
    }

    @Test
    void auditors_partners_and_administrators_have_no_queue() {
        TasksApi.status(t.get("auditor", "/api/queues/mine"), HttpStatus.FORBIDDEN);
        TasksApi.status(t.get("partner", "/api/queues/mine"), HttpStatus.FORBIDDEN);
        TasksApi.status(t.get("admin", "/api/queues/mine"), HttpStatus.FORBIDDEN);
    }

    @Test
    void without_signing_in_it_is_a_401() {
        assertThat(api.anonymous().getForEntity("/api/queues/mine", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
