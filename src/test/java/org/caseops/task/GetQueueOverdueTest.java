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

/** {@code GET /api/queues/overdue}: open tasks of the field office past their due time, for supervisors. */
@CaseOpsTest
class GetQueueOverdueTest {

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
    void lists_the_open_tasks_of_the_field_office_past_due_by_priority_then_most_overdue_first() {
        Instant now = Instant.now();
        long hours = t.ofType(TaskType.CHILD_WELFARE_CHECK, now.minus(Duration.ofHours(2)));
        long days = t.ofType(TaskType.CUSTODY_REVIEW, now.minus(Duration.ofDays(2)));
        t.ofType(TaskType.CUSTODY_ESCALATION, now.plus(Duration.ofHours(1)));
        t.ofType(TaskType.GENERAL, null);
        long done = t.ofType(TaskType.GENERAL, now.minus(Duration.ofDays(1)));
        ok(t.act("officer", done, "complete"), HttpStatus.OK);
        t.system(NewTask.of(TaskType.GENERAL, "late in Chicago", "CHI", Assignee.ofTeam("CHI"))
                .due(now.minus(Duration.ofDays(1))));

        JsonNode queue = ok(t.get("supervisor", "/api/queues/overdue"), HttpStatus.OK);

        // the child-welfare check starts at high priority (docs/tasks.md): it leads, though the review is later
        assertThat(queue.path("items").findValuesAsText("id")).containsExactly(String.valueOf(hours),
                String.valueOf(days));
        assertThat(queue.path("items").findValuesAsText("priority")).containsExactly("HIGH", "NORMAL");
        assertThat(queue.path("items").findValuesAsText("overdue")).containsOnly("true");
        assertThat(ok(t.get("director", "/api/queues/overdue"), HttpStatus.OK).path("total").asLong()).isEqualTo(2);
    }

    @Test
    void officers_counsel_and_others_are_refused() {
        for (String user : new String[] {"officer", "officer.chicago", "attorney", "auditor", "partner", "admin"}) {
            TasksApi.status(t.get(user, "/api/queues/overdue"), HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void a_bad_page_size_is_a_400_naming_the_parameter() {
        Problems.assertBadInput(t.get("supervisor", "/api/queues/overdue?size=1000"), "size");
        Problems.assertBadInput(t.get("supervisor", "/api/queues/overdue?page=x"), "page");
    }

    @Test
    void without_signing_in_it_is_a_401() {
        assertThat(api.anonymous().getForEntity("/api/queues/overdue", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
