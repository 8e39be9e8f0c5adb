package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.caseops.access.Users;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The queue pages, {@code GET /queues} and the row actions, through a signed-in browser session. */
@CaseOpsTest
class QueuePagesTest {

    @Autowired
    Api api;
    @Autowired
    Tasks tasks;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    TasksApi taskApi;

    @BeforeEach
    void clean() {
        taskApi = new TasksApi(api, tasks, users, jdbc);
    }

    @Test
    void the_team_tab_lists_the_field_offices_open_tasks_with_a_start_button_carrying_csrf() {
        long id = taskApi.houstonTeamTask();
        taskApi.chicagoTeamTask();

        HttpResponse<String> page = FormSession.signIn(environment, "officer").get("/queues?tab=team");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Check the hotel booking", "id=\"start-" + id + "\"", "name=\"_csrf\"",
                "aria-sort=\"ascending\"").doesNotContain("Chicago task");
    }

    @Test
    void starting_from_the_row_takes_the_task_and_a_second_start_says_who_has_it() {
        long id = taskApi.houstonTeamTask();
        FormSession officer = FormSession.signIn(environment, "officer");
        FormSession other = FormSession.signIn(environment, TasksApi.OTHER_OFFICER);
        String version = String.valueOf(taskApi.task(id).version());

        HttpResponse<String> first = officer.postForm("/queues/tasks/" + id + "/start",
                Map.of("version", version, "back", "/queues?tab=team"));
        HttpResponse<String> second = other.postForm("/queues/tasks/" + id + "/start",
                Map.of("version", version, "back", "/queues?tab=team"));

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(taskApi.task(id).assigneeUser()).isEqualTo("officer");
        assertThat(taskApi.status(id)).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(other.get("/queues?tab=team").body()).contains("id=\"queue-error\"",
                "Task " + id + " was already taken by officer");
    }

    @Test
    void completing_a_task_already_completed_names_who_did_it_and_when() {
        long id = taskApi.houstonTaskOf("officer");
        FormSession officer = FormSession.signIn(environment, "officer");
        String version = String.valueOf(taskApi.task(id).version());
        officer.postForm("/queues/tasks/" + id + "/complete", Map.of("version", version, "resolution", "done"));
        assertThat(officer.get("/queues").body()).contains("Task " + id + " completed");

        officer.postForm("/queues/tasks/" + id + "/complete", Map.of("version", version, "resolution", "again"));

        assertThat(taskApi.status(id)).isEqualTo(TaskStatus.COMPLETED);
        assertThat(officer.get("/queues").body()).contains("Task " + id + " was already completed by officer at ");
    }

    @Test
    void the_csv_is_the_same_query_with_every_row() {
        taskApi.houstonTeamTask();
        taskApi.houstonTaskOf("officer");

        HttpResponse<String> csv = FormSession.signIn(environment, "supervisor")
                .get("/queues?tab=team&filter=hotel&format=csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(2);
        assertThat(csv.body()).startsWith("Due (UTC),Task,").contains("Check the hotel booking");
    }

    @Test
    void a_bad_sort_is_a_400_page_naming_it() {
        HttpResponse<String> page = FormSession.signIn(environment, "officer").get("/queues?sort=nope");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("sort: ");
    }

    @Test
    void an_officer_has_no_overdue_tab_and_gets_a_403_page_there() {
        FormSession officer = FormSession.signIn(environment, "officer");

        assertThat(officer.get("/queues").body()).doesNotContain("tab-overdue");
        assertThat(officer.get("/queues?tab=overdue").statusCode()).isEqualTo(403);
        assertThat(FormSession.signIn(environment, "supervisor").get("/queues").body()).contains("tab-overdue");
    }

    @Test
    void roles_without_queues_see_no_link_and_get_a_403() {
        for (String user : new String[] {"auditor", "partner", "admin"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/queues\"");
            assertThat(session.get("/queues").statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void the_home_page_shows_my_open_tasks_and_the_supervisors_team_counts() {
        long id = taskApi.houstonTaskOf("officer");
        taskApi.houstonTeamTask();

        String officerHome = FormSession.signIn(environment, "officer").get("/").body();
        String supervisorHome = FormSession.signIn(environment, "supervisor").get("/").body();

        assertThat(officerHome).contains("id=\"panel-tasks\"", "Prepare the roster for officer",
                "href=\"/queues\"");
        assertThat(supervisorHome).contains("team: assigned", "overdue in HOU", "canvas");
        assertThat(taskApi.task(id).status()).isEqualTo(TaskStatus.ASSIGNED);
    }
}
