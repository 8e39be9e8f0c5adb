package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.task.TasksApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caseops.access.Users;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The parent/child rule (Caseflow's): a child puts its open parent ON_HOLD; the parent returns to the status it had
 * when its last open child closes, completed or cancelled, and not before. The service keeps the rule; the database
 * refuses any write that would break it.
 */
@CaseOpsTest
class ParentChildTaskTest {

    @Autowired
    Api api;
    @Autowired
    Tasks tasks;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    TasksApi t;

    @BeforeEach
    void noTasks() {
        t = new TasksApi(api, tasks, users, jdbc);
    }

    @Test
    void a_child_puts_its_open_parent_on_hold_and_the_parent_remembers_its_status() {
        long parent = t.houstonTaskOf("officer");
        ok(t.act("officer", parent, "start"), HttpStatus.OK);

        long child = t.childOf(parent, TasksApi.OTHER_OFFICER);

        Task held = t.task(parent);
        assertThat(held.status()).isEqualTo(TaskStatus.ON_HOLD);
        assertThat(held.resumesAs()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(held.openChildren()).isEqualTo(1);
        assertThat(t.task(child).parentId()).isEqualTo(parent);
        assertThat(t.task(child).status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(t.auditActions(parent)).containsSubsequence("TASK_CREATED", "TASK_STARTED", "TASK_PUT_ON_HOLD");
    }

    @Test
    void the_parent_returns_to_in_progress_when_its_last_child_completes() {
        long parent = t.houstonTaskOf("officer");
        ok(t.act("officer", parent, "start"), HttpStatus.OK);
        long child = t.childOf(parent, TasksApi.OTHER_OFFICER);

        ok(t.act(TasksApi.OTHER_OFFICER, child, "complete", "resolution", "done"), HttpStatus.OK);

        Task reopened = t.task(parent);
        assertThat(reopened.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(reopened.resumesAs()).isNull();
        assertThat(reopened.openChildren()).isZero();
        assertThat(reopened.children()).isEqualTo(1);
        assertThat(t.auditActions(parent)).endsWith("TASK_REOPENED");
    }

    @Test
    void the_parent_stays_on_hold_while_one_child_is_still_open() {
        long parent = t.houstonTaskOf("officer");
        long first = t.childOf(parent, "officer");
        long second = t.childOf(parent, TasksApi.OTHER_OFFICER);
        assertThat(t.task(parent).resumesAs()).isEqualTo(TaskStatus.ASSIGNED);

        ok(t.act("officer", first, "complete"), HttpStatus.OK);

        assertThat(t.status(parent)).isEqualTo(TaskStatus.ON_HOLD);
        assertThat(t.task(parent).openChildren()).isEqualTo(1);

        ok(t.act(TasksApi.OTHER_OFFICER, second, "complete"), HttpStatus.OK);

        assertThat(t.status(parent)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void a_cancelled_last_child_reopens_its_parent_too() {
        long parent = t.houstonTaskOf("officer");
        long child = t.childOf(parent, "officer");

        ok(t.act("supervisor", child, "cancel", "reason", "not needed after all"), HttpStatus.OK);

        assertThat(t.status(child)).isEqualTo(TaskStatus.CANCELLED);
        assertThat(t.status(parent)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void a_parent_on_hold_cannot_be_completed_or_started_while_it_waits() {
        long parent = t.houstonTaskOf("officer");
        t.childOf(parent, TasksApi.OTHER_OFFICER);

        ResponseEntity<JsonNode> complete = t.act("officer", parent, "complete");
        ResponseEntity<JsonNode> start = t.act("officer", parent, "start");

        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(complete.getBody().path("detail").asText()).contains("waits for its 1 open child tasks");
        assertThat(start.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(t.status(parent)).isEqualTo(TaskStatus.ON_HOLD);
    }

    @Test
    void a_second_child_of_a_parent_on_hold_keeps_the_status_the_parent_returns_to() {
        long parent = t.houstonTaskOf("officer");
        ok(t.act("officer", parent, "start"), HttpStatus.OK);
        long first = t.childOf(parent, "officer");
        long second = t.childOf(parent, "officer");

        ok(t.act("officer", first, "complete"), HttpStatus.OK);
        ok(t.act("officer", second, "complete"), HttpStatus.OK);

        assertThat(t.status(parent)).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @Test
    void a_closed_parent_gets_no_children() {
        long parent = t.houstonTaskOf("officer");
        ok(t.act("officer", parent, "complete"), HttpStatus.OK);

        ResponseEntity<JsonNode> refused = t.post("supervisor", "/api/tasks", Map.of("title", "Too late",
                "team", "HOU", "parentId", parent));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("a closed task gets no child tasks");
        assertThat(t.task(parent).children()).isZero();
    }

    @Test
    void cancelling_a_parent_cancels_its_open_children_and_grandchildren_with_the_reason() {
        long parent = t.houstonTaskOf("officer");
        long done = t.childOf(parent, "officer");
        ok(t.act("officer", done, "complete"), HttpStatus.OK);
        long child = t.childOf(parent, "officer");
        long grandchild = t.childOf(child, TasksApi.OTHER_OFFICER);

        ok(t.act("supervisor", parent, "cancel", "reason", "operation called off"), HttpStatus.OK);

        assertThat(t.status(parent)).isEqualTo(TaskStatus.CANCELLED);
        assertThat(t.status(done)).isEqualTo(TaskStatus.COMPLETED);
        assertThat(t.status(child)).isEqualTo(TaskStatus.CANCELLED);
        assertThat(t.status(grandchild)).isEqualTo(TaskStatus.CANCELLED);
        assertThat(t.task(grandchild).resolution()).isEqualTo("parent task " + child + " cancelled: parent task "
                + parent + " cancelled: operation called off");
        assertThat(t.auditActions(parent)).containsExactly("TASK_CREATED", "TASK_PUT_ON_HOLD", "TASK_REOPENED",
                "TASK_PUT_ON_HOLD", "TASK_CANCELLED");
    }

    @Test
    void a_grandchild_closing_reopens_its_parent_which_then_holds_the_grandparent_no_longer() {
        long grandparent = t.houstonTaskOf("officer");
        long parent = t.childOf(grandparent, "officer");
        long child = t.childOf(parent, "officer");
        assertThat(t.status(parent)).isEqualTo(TaskStatus.ON_HOLD);

        ok(t.act("officer", child, "complete"), HttpStatus.OK);
        assertThat(t.status(parent)).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(t.status(grandparent)).isEqualTo(TaskStatus.ON_HOLD);

        ok(t.act("officer", parent, "complete"), HttpStatus.OK);
        assertThat(t.status(grandparent)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void a_parent_reassigned_while_on_hold_returns_to_assigned_for_its_new_holder() {
        long parent = t.houstonTaskOf("officer");
        ok(t.act("officer", parent, "start"), HttpStatus.OK);
        long child = t.childOf(parent, "officer");

        ok(t.act("supervisor", parent, "reassign", "user", TasksApi.OTHER_OFFICER), HttpStatus.OK);
        assertThat(t.task(parent).resumesAs()).isEqualTo(TaskStatus.ASSIGNED);
        ok(t.act("officer", child, "complete"), HttpStatus.OK);

        assertThat(t.status(parent)).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(t.task(parent).assigneeUser()).isEqualTo(TasksApi.OTHER_OFFICER);
    }

    @Test
    void a_timer_creates_a_child_and_cancels_it_under_its_own_name() {
        long parent = t.houstonTaskOf("officer");

        Task escalation = t.system(NewTask.of(TaskType.CUSTODY_ESCALATION, "Staging hours near breach", "HOU",
                Assignee.ofTeam("HOU")).childOf(parent).about(SubjectType.PERSON, "991000001"));
        assertThat(t.status(parent)).isEqualTo(TaskStatus.ON_HOLD);
        tasks.cancelAsSystem(escalation.id(), "person released", TasksApi.TIMER);

        assertThat(t.status(parent)).isEqualTo(TaskStatus.ASSIGNED);
        Task cancelled = t.task(escalation.id());
        assertThat(cancelled.createdBy()).isEqualTo(TasksApi.TIMER);
        assertThat(cancelled.closedBy()).isEqualTo(TasksApi.TIMER);
        assertThat(jdbc.sql("select role from audit_entry where actor = ? and action = 'TASK_REOPENED' "
                + "and subject_id = ?").params(TasksApi.TIMER, String.valueOf(parent)).query(String.class).single())
                .isEqualTo("SYSTEM");
        assertThatThrownBy(() -> tasks.createAsSystem(NewTask.of(TaskType.GENERAL, "x", "HOU",
                Assignee.ofTeam("HOU")), "officer")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_last_child_closing_while_another_child_closes_in_a_transaction_not_yet_committed_still_reopens_the_parent()
            throws Exception {
        long parent = t.houstonTaskOf("officer");
        long first = t.childOf(parent, "officer");
        long second = t.childOf(parent, TasksApi.OTHER_OFFICER);
        CountDownLatch firstClosed = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = pool.submit(() -> transactions.executeWithoutResult(tx -> {
                tasks.cancelAsSystem(first, "not needed", TasksApi.TIMER);
                firstClosed.countDown();
                await(commitFirst);
            }));
            await(firstClosed);
            // the second waits for the first to commit (the parent's row lock; the audit trail's append lock too)
            Future<?> two = pool.submit(() -> tasks.cancelAsSystem(second, "not needed", TasksApi.TIMER));
            Thread.sleep(500);
            commitFirst.countDown();

            one.get(30, TimeUnit.SECONDS);
            two.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(t.status(parent)).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(t.auditActions(parent)).filteredOn("TASK_REOPENED"::equals).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_database_refuses_an_open_child_under_a_closed_parent() {
        long parent = t.houstonTaskOf("officer");
        ok(t.act("officer", parent, "complete"), HttpStatus.OK);

        assertThatThrownBy(() -> jdbc.sql("""
                insert into task (type, status, title, assignee_team, field_office_code, parent_id, created_by)
                values ('GENERAL', 'ASSIGNED', 'around the service', 'HOU', 'HOU', ?, 'test')""").param(parent)
                .update()).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("not ON_HOLD");
    }

    @Test
    void the_database_refuses_a_task_on_hold_without_an_open_child_and_a_closed_task_reopened() {
        long task = t.houstonTaskOf("officer");

        assertThatThrownBy(() -> jdbc.sql("update task set status = 'ON_HOLD', resumes_as = 'ASSIGNED' where id = ?")
                .param(task).update()).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ON_HOLD without an open child");
        ok(t.act("officer", task, "complete"), HttpStatus.OK);
        assertThatThrownBy(() -> jdbc.sql("update task set status = 'ASSIGNED', closed_at = null, closed_by = null "
                + "where id = ?").param(task).update()).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("a closed task stays closed");
    }

    @Test
    void the_database_refuses_completing_a_parent_over_an_open_child() {
        long parent = t.houstonTaskOf("officer");
        t.childOf(parent, "officer");

        assertThatThrownBy(() -> jdbc.sql("update task set status = 'COMPLETED', resumes_as = null, "
                + "closed_at = now(), closed_by = 'test' where id = ?").param(parent).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("over an open child task");
    }
}
