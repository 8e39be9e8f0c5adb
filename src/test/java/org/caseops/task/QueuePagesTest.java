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

        HttpResponse<String> page = FormSession.signIn(environment, "officer").get("/queues?tab=team&sort=due");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Check the hotel booking", "id=\"start-" + id + "\"", "name=\"_csrf\"",
                "aria-sort=\"ascending\"", "id=\"show-unassigned\"", "aria-current=\"page\"")
                .doesNotContain("Chicago task");
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
        assertThat(csv.body()).startsWith("Select,Priority,Due (UTC),Task,").contains("Check the hotel booking");
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

    @Test
    void selected_rows_go_on_hold_with_a_reason_and_one_completed_meanwhile_says_by_whom() {
        long a = taskApi.houstonTeamTask();
        long b = taskApi.houstonTaskOf("officer");
        String bVersion = String.valueOf(taskApi.task(b).version());
        FormSession supervisor = FormSession.signIn(environment, "supervisor");
        String page = supervisor.get("/queues?tab=team").body();
        assertThat(page).contains("form=\"bulk\"", "value=\"" + a + "@", "id=\"bulk-reason\"", "id=\"cancel-" + a
                + "\"");
        FormSession.signIn(environment, "officer").postForm("/queues/tasks/" + b + "/complete",
                Map.of("version", bVersion, "resolution", "done first"));
        String until = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3).toString();

        HttpResponse<String> held = supervisor.postForm("/queues/bulk?ids=" + a + "@" + taskApi.task(a).version()
                + "&ids=" + b + "@" + bVersion, Map.of("action", "hold", "reason", "the court file is missing",
                "until", until, "back", "/queues?tab=team&show=on_hold"));

        assertThat(held.statusCode()).isEqualTo(302);
        assertThat(taskApi.status(a)).isEqualTo(TaskStatus.ON_HOLD);
        String after = supervisor.get("/queues?tab=team&show=on_hold").body();
        assertThat(after).contains("1 task put on hold until " + until, "Task " + b + ": was already completed by "
                + "officer at ", "On hold until " + until + " by supervisor: the court file is missing",
                "id=\"release-" + a + "\"");
    }

    @Test
    void a_bulk_hold_without_a_reason_shows_the_problem_next_to_the_reason_and_keeps_what_was_typed() {
        long a = taskApi.houstonTeamTask();
        FormSession supervisor = FormSession.signIn(environment, "supervisor");

        supervisor.postForm("/queues/bulk?ids=" + a, Map.of("action", "hold", "until", "2000-01-01",
                "back", "/queues?tab=team"));
        String page = supervisor.get("/queues?tab=team").body();

        assertThat(page).contains("id=\"bulk-reason-error\"", "aria-describedby=\"bulk-reason-error\"",
                "value=\"2000-01-01\"");
        assertThat(taskApi.status(a)).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void a_supervisor_cancels_from_the_row_with_a_reason_and_it_shows_under_completed() {
        long a = taskApi.houstonTeamTask();
        FormSession supervisor = FormSession.signIn(environment, "supervisor");

        supervisor.postForm("/queues/tasks/" + a + "/cancel", Map.of("version",
                String.valueOf(taskApi.task(a).version()), "reason", "not needed any more", "back", "/queues?tab=team"));

        assertThat(taskApi.status(a)).isEqualTo(TaskStatus.CANCELLED);
        assertThat(supervisor.get("/queues?tab=team&show=completed").body()).contains("Check the hotel booking",
                "not needed any more", "Closed (UTC)");
        assertThat(FormSession.signIn(environment, "officer").get("/queues?tab=team").body())
                .doesNotContain("id=\"cancel-");
    }

    @Test
    void a_priority_is_set_from_the_row_and_a_stale_one_says_who_changed_it_meanwhile() {
        long id = taskApi.houstonTeamTask();
        FormSession supervisor = FormSession.signIn(environment, "supervisor");
        String version = String.valueOf(taskApi.task(id).version());
        assertThat(supervisor.get("/queues?tab=team&size=200").body()).contains("id=\"priority-" + id + "\"",
                "id=\"priority-" + id + "-priority\"", "<option value=\"HIGH\">High</option>");

        supervisor.postForm("/queues/tasks/" + id + "/priority", Map.of("version", version, "priority", "HIGH",
                "back", "/queues?tab=team"));
        assertThat(taskApi.task(id).priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(supervisor.get("/queues?tab=team").body()).contains("Task " + id + " given another priority");

        supervisor.postForm("/queues/tasks/" + id + "/priority", Map.of("version", version, "priority", "LOW",
                "back", "/queues?tab=team"));
        assertThat(taskApi.task(id).priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(supervisor.get("/queues?tab=team").body()).contains("id=\"queue-error\"", "Task " + id);
    }

    @Test
    void selected_rows_get_a_priority_and_none_chosen_is_shown_next_to_the_priority() {
        long a = taskApi.houstonTeamTask();
        long b = taskApi.houstonTeamTask();
        FormSession supervisor = FormSession.signIn(environment, "supervisor");
        assertThat(supervisor.get("/queues?tab=team").body()).contains("id=\"bulk-prioritize\"",
                "id=\"bulk-priority\"");

        supervisor.postForm("/queues/bulk?ids=" + a, Map.of("action", "priority", "back", "/queues?tab=team"));
        assertThat(supervisor.get("/queues?tab=team").body()).contains("id=\"bulk-priority-error\"",
                "aria-describedby=\"bulk-priority-error\"");

        HttpResponse<String> done = supervisor.postForm("/queues/bulk?ids=" + a + "@" + taskApi.task(a).version()
                + "&ids=" + b, Map.of("action", "priority", "priority", "LOW", "back", "/queues?tab=team"));

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(taskApi.task(a).priority()).isEqualTo(TaskPriority.LOW);
        assertThat(taskApi.task(b).priority()).isEqualTo(TaskPriority.LOW);
        assertThat(supervisor.get("/queues?tab=team").body()).contains("2 tasks given the priority low");
    }
}
