package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caseops.access.Users;
import org.caseops.fixtures.AllAtOnce;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many identical transitions of one task at once (issue 13): exactly one happens, with one event and one audit
 * entry; every other is a 409 that names the state and version the task has now. No lost update, no phantom event.
 */
@CaseOpsTest
class ConcurrentTaskTransitionsTest {

    static final int WRITERS = 32;

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
        api.token("supervisor");
        api.token("director");
    }

    private long events(long id, String kind) {
        return jdbc.sql("select count(*) from task_event where task_id = ? and kind = ?").params(id, kind)
                .query(Long.class).single();
    }

    @Test
    void thirty_two_starts_of_one_task_start_it_once_and_the_others_are_409s_naming_its_state() throws Exception {
        long id = t.houstonTaskOf("supervisor");

        List<ResponseEntity<JsonNode>> answers = AllAtOnce.run(WRITERS, () -> t.act("supervisor", id, "start"));

        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 200).allSatisfy(a -> {
            assertThat(a.getStatusCode().value()).isEqualTo(409);
            assertThat(a.getBody().path("detail").asText()).contains("IN_PROGRESS");
        });
        assertThat(events(id, "STARTED")).isEqualTo(1);
        assertThat(t.task(id).version()).isEqualTo(1);
        assertThat(t.auditActions(id)).filteredOn("TASK_STARTED"::equals).hasSize(1);
    }

    @Test
    void thirty_two_completions_with_the_version_read_complete_it_once() throws Exception {
        long id = t.houstonTaskOf("supervisor");
        int version = t.task(id).version();

        List<ResponseEntity<JsonNode>> answers = AllAtOnce.run(WRITERS, () -> t.act("supervisor", id, "complete",
                "resolution", "done", "version", version));

        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 200).allSatisfy(a -> {
            assertThat(a.getStatusCode().value()).isEqualTo(409);
            assertThat(a.getBody().path("detail").asText()).contains("COMPLETED").contains("version");
        });
        assertThat(events(id, "COMPLETED")).isEqualTo(1);
        assertThat(t.auditActions(id)).filteredOn("TASK_COMPLETED"::equals).hasSize(1);
    }

    @Test
    void a_second_identical_reassignment_is_a_409_naming_the_current_version() throws Exception {
        long id = t.houstonTeamTask();

        List<ResponseEntity<JsonNode>> answers = AllAtOnce.run(WRITERS, () -> t.post("director",
                "/api/tasks/" + id + "/reassign", Map.of("user", "officer")));

        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 200)
                .allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(409));
        assertThat(events(id, "REASSIGNED")).isEqualTo(1);
    }
}
