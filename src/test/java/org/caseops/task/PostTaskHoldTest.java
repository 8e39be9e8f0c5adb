package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.task.TasksApi.ok;
import static org.caseops.task.TasksApi.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * {@code POST /api/tasks/{id}/hold} {@code {"reason", "until", "version"}}, {@code .../release} and
 * {@code .../priority}: a hold by hand with a required reason until a date after today; on its date the task is
 * back in its queue with the status it had, computed from the date (no timer).
 */
@CaseOpsTest
class PostTaskHoldTest {

    @Autowired
    Api api;
    @Autowired
    Tasks tasks;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    TasksApi t;

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @BeforeEach
    void noTasks() {
        t = new TasksApi(api, tasks, users, jdbc);
    }

    @Test
    void an_officer_puts_their_task_in_progress_on_hold_with_a_reason_and_it_leaves_the_assigned_tab() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("officer", id, "start"), HttpStatus.OK);

        JsonNode held = ok(t.act("officer", id, "hold", "reason", "waiting for the court's file", "until",
                today().plusDays(7).toString()), HttpStatus.OK);

        assertThat(held.path("status").asText()).isEqualTo("ON_HOLD");
        assertThat(held.path("holdReason").asText()).isEqualTo("waiting for the court's file");
        assertThat(held.path("holdUntil").asText()).isEqualTo(today().plusDays(7).toString());
        assertThat(held.path("heldBy").asText()).isEqualTo("officer");
        assertThat(held.path("resumesAs").asText()).isEqualTo("IN_PROGRESS");
        assertThat(t.auditActions(id)).endsWith("TASK_HELD");
        assertThat(ids(t.get("officer", "/api/queues/mine?tab=assigned"))).doesNotContain(id);
        assertThat(ids(t.get("officer", "/api/queues/mine?tab=on_hold"))).containsExactly(id);
    }

    @Test
    void a_hold_needs_a_reason_and_a_date_after_today_within_a_year() {
        long id = t.houstonTaskOf("officer");

        Problems.assertBadInput(t.act("officer", id, "hold", "until", today().plusDays(3).toString()), "reason");
        Problems.assertBadInput(t.act("officer", id, "hold", "reason", " ", "until", today().plusDays(3).toString()),
                "reason");
        Problems.assertBadInput(t.act("officer", id, "hold", "reason", "why"), "until");
        Problems.assertBadInput(t.act("officer", id, "hold", "reason", "why", "until", today().toString()), "until");
        Problems.assertBadInput(t.act("officer", id, "hold", "reason", "why", "until",
                today().plusDays(400).toString()), "until");
        assertThat(t.status(id)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void a_second_hold_is_a_409_naming_who_held_it_until_when() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("supervisor", id, "hold", "reason", "the family moved", "until", today().plusDays(2).toString()),
                HttpStatus.OK);

        JsonNode problem = t.act("officer", id, "hold", "reason", "again", "until", today().plusDays(5).toString())
                .getBody();

        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("detail").asText()).contains("on hold until " + today().plusDays(2), "by supervisor",
                "the family moved");
    }

    @Test
    void a_held_task_is_neither_started_nor_completed_but_is_taken_off_hold_early() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("officer", id, "hold", "reason", "waiting", "until", today().plusDays(3).toString()), HttpStatus.OK);

        status(t.act("officer", id, "start"), HttpStatus.CONFLICT);
        status(t.act("officer", id, "complete", "resolution", "done"), HttpStatus.CONFLICT);
        JsonNode released = ok(t.act("officer", id, "release"), HttpStatus.OK);

        assertThat(released.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(released.path("holdUntil").isNull()).isTrue();
        status(t.act("officer", id, "release"), HttpStatus.CONFLICT);
    }

    @Test
    void on_its_date_the_hold_has_expired_and_the_task_is_back_in_its_queue_with_its_status() {
        long id = t.houstonTaskOf("officer");
        ok(t.act("officer", id, "start"), HttpStatus.OK);
        ok(t.act("officer", id, "hold", "reason", "waiting", "until", today().plusDays(3).toString()), HttpStatus.OK);
        // the date comes: the row still says ON_HOLD, what everyone reads says IN_PROGRESS
        jdbc.sql("update task set hold_until = ? where id = ?").params(today(), id).update();

        assertThat(t.status(id)).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(t.task(id).holdReason()).isNull();
        assertThat(ids(t.get("officer", "/api/queues/mine?tab=assigned"))).containsExactly(id);
        assertThat(ids(t.get("officer", "/api/queues/mine?tab=on_hold"))).isEmpty();
        assertThat(ids(t.get("officer", "/api/queues/mine?status=IN_PROGRESS"))).containsExactly(id);

        JsonNode done = ok(t.act("officer", id, "complete", "resolution", "done after the hold",
                "version", t.task(id).version()), HttpStatus.OK);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void a_parent_held_by_hand_stays_on_hold_when_its_last_child_closes_until_its_date() {
        long parent = t.houstonTaskOf("officer");
        ok(t.act("officer", parent, "hold", "reason", "waiting for the check", "until",
                today().plusDays(4).toString()), HttpStatus.OK);
        long child = t.childOf(parent, "officer");

        ok(t.act("officer", child, "complete", "resolution", "checked"), HttpStatus.OK);

        assertThat(t.status(parent)).isEqualTo(TaskStatus.ON_HOLD);
        assertThat(t.task(parent).holdUntil()).isEqualTo(today().plusDays(4));
        ok(t.act("officer", parent, "release"), HttpStatus.OK);
        assertThat(t.status(parent)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void the_database_refuses_a_task_on_hold_without_a_child_or_a_hold_written_as_the_application() {
        long id = t.houstonTaskOf("officer");

        assertThatThrownBy(() -> jdbc.sql("update task set status = 'ON_HOLD', resumes_as = 'ASSIGNED' where id = ?")
                .param(id).update()).hasMessageContaining("without an open child or a hold");
        assertThatThrownBy(() -> jdbc.sql("update task set hold_reason = 'x', hold_until = current_date + 1, "
                + "held_by = 'officer', held_at = now() where id = ?").param(id).update())
                .hasMessageContaining("task_hold_only_on_hold");
        assertThat(t.status(id)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void queues_list_by_priority_then_due_time_and_a_welfare_check_starts_high() {
        java.time.Instant soon = java.time.Instant.now().plusSeconds(3600);
        long later = t.ofType(TaskType.GENERAL, soon);
        long low = t.ofType(TaskType.GENERAL, null);
        long welfare = t.ofType(TaskType.CHILD_WELFARE_CHECK, soon.plusSeconds(7200));
        ok(t.act("supervisor", low, "priority", "priority", "LOW"), HttpStatus.OK);

        assertThat(t.task(welfare).priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(ids(t.get("officer", "/api/queues/team/HOU?tab=unassigned"))).containsExactly(welfare, later,
                low);
        status(t.act("supervisor", low, "priority", "priority", "LOW"), HttpStatus.CONFLICT);
        Problems.assertBadInput(t.act("supervisor", low, "priority"), "priority");
    }

    @Test
    void the_team_tabs_split_unassigned_assigned_on_hold_and_completed() {
        long team = t.houstonTeamTask();
        long mine = t.houstonTaskOf("officer");
        long held = t.houstonTaskOf(TasksApi.OTHER_OFFICER);
        ok(t.act(TasksApi.OTHER_OFFICER, held, "hold", "reason", "waiting", "until", today().plusDays(1).toString()),
                HttpStatus.OK);
        long done = t.houstonTaskOf("officer");
        ok(t.act("officer", done, "complete", "resolution", "done"), HttpStatus.OK);
        t.chicagoTeamTask();

        assertThat(ids(t.get("supervisor", "/api/queues/team/HOU?tab=unassigned"))).containsExactly(team);
        assertThat(ids(t.get("supervisor", "/api/queues/team/HOU?tab=assigned"))).containsExactly(mine);
        assertThat(ids(t.get("supervisor", "/api/queues/team/HOU?tab=on_hold"))).containsExactly(held);
        assertThat(ids(t.get("supervisor", "/api/queues/team/HOU?tab=COMPLETED"))).containsExactly(done);
        assertThat(ids(t.get("officer", "/api/queues/mine?tab=completed"))).containsExactly(done);
        Problems.assertBadInput(t.get("officer", "/api/queues/mine?tab=unassigned"), "tab");
        Problems.assertBadInput(t.get("officer", "/api/queues/mine?tab=later"), "tab");
        Problems.assertBadInput(t.get("officer", "/api/queues/team/Team1?tab=assigned"), "tab");
    }

    static java.util.List<Long> ids(org.springframework.http.ResponseEntity<JsonNode> queue) {
        JsonNode body = ok(queue, HttpStatus.OK);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        body.path("items").forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }
}
