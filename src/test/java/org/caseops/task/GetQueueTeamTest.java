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
 * {@code GET /api/queues/team/{team}}: the open tasks of a team of the caller's field office; a field office's code
 * is the whole office's team, readable only there.
 */
@CaseOpsTest
class GetQueueTeamTest {

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

    private long teamTask(String office, String team) {
        return t.system(NewTask.of(TaskType.GENERAL, "for " + team, office, Assignee.ofTeam(team))).id();
    }

    @Test
    void lists_the_open_tasks_of_the_field_office_team_and_nothing_held_by_a_user() {
        long first = t.houstonTeamTask();
        long second = t.houstonTeamTask();
        long closed = t.houstonTeamTask();
        ok(t.act("supervisor", closed, "cancel", "reason", "duplicate"), HttpStatus.OK);
        t.houstonTaskOf("officer");
        teamTask("HOU", "op 7 Team 1");

        JsonNode queue = ok(t.get("officer", "/api/queues/team/HOU"), HttpStatus.OK);

        assertThat(queue.path("name").asText()).isEqualTo("team HOU");
        assertThat(queue.path("items").findValuesAsText("id")).containsExactly(String.valueOf(first),
                String.valueOf(second));
        assertThat(ok(t.get("supervisor", "/api/queues/team/hou"), HttpStatus.OK).path("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void a_named_team_is_a_team_of_the_callers_own_field_office() {
        long houston = teamTask("HOU", "op 7 Team 1");
        long chicago = teamTask("CHI", "op 7 Team 1");

        JsonNode inHouston = ok(t.get("officer", "/api/queues/team/op 7 Team 1"), HttpStatus.OK);
        JsonNode inChicago = ok(t.get("officer.chicago", "/api/queues/team/op 7 Team 1"), HttpStatus.OK);

        assertThat(inHouston.path("items").findValuesAsText("id")).containsExactly(String.valueOf(houston));
        assertThat(inChicago.path("items").findValuesAsText("id")).containsExactly(String.valueOf(chicago));
    }

    @Test
    void the_team_of_another_field_office_is_refused() {
        t.chicagoTeamTask();

        TasksApi.status(t.get("officer", "/api/queues/team/CHI"), HttpStatus.FORBIDDEN);
        TasksApi.status(t.get("director", "/api/queues/team/chi"), HttpStatus.FORBIDDEN);
        TasksApi.status(t.get("officer.chicago", "/api/queues/team/HOU"), HttpStatus.FORBIDDEN);
        ok(t.get("officer.chicago", "/api/queues/team/CHI"), HttpStatus.OK);
    }

    @Test
    void counsel_auditors_partners_and_administrators_have_no_team_queue() {
        for (String user : new String[] {"attorney", "auditor", "partner", "admin"}) {
            TasksApi.status(t.get(user, "/api/queues/team/HOU"), HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void a_bad_page_or_a_team_name_over_a_hundred_characters_is_a_400() {
        Problems.assertBadInput(t.get("officer", "/api/queues/team/HOU?page=-1"), "page");
        Problems.assertBadInput(t.get("officer", "/api/queues/team/" + "x".repeat(101)), "team");
    }

    @Test
    void without_signing_in_it_is_a_401() {
        assertThat(api.anonymous().getForEntity("/api/queues/team/HOU", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
