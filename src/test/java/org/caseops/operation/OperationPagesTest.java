package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import java.net.http.HttpResponse;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.caseops.operation.schedule.ScheduleSolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operations pages over HTTP (issue 15): the list of one's own field office's operations by state and office
 * with CSV; the board's targets member by member and day by day, its plan and dry run for the roster only (need to
 * know), a 403 for another field office; next steps only for the role that takes them, approval disabled with its
 * reason while the dry run finds a conflict (and the direct POST refused with 409); targets added by a filter shown
 * first as it will be applied; planning, postponing and resuming with a new window from the page.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Planner planner;
    OperationsApi ops;

    @BeforeAll
    void houstonDocket() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        // a family of this class's own, whose address is flagged near a protected area (nobody else's persons are)
        files.aCase(1501, "MX");
        files.inAbsentiaRemoval(5501, 1501, "2019-02-11");
        files.respondent(1501, "991500001", "Rosa", "Flores", "1984-05-05", "LEAD");
        Dockets.freshlyImported(files, importer, jdbc);
        ops = new OperationsApi(api);
    }

    private FormSession as(String user) {
        return FormSession.signIn(environment, user);
    }

    /** An operation with family 1001 as its target unit. */
    private long targeted() {
        long id = ops.houstonOperation();
        ok(ops.post("supervisor", "/api/operations/" + id + "/targets", Map.of("familyId", 1001)),
                HttpStatus.CREATED);
        return id;
    }

    /** An operation with family 1001 as its target unit, planned. */
    private long planned() {
        long id = targeted();
        ok(ops.post("supervisor", "/api/operations/" + id + "/plan", Map.of("seconds", 2)), HttpStatus.OK);
        return id;
    }

    private void careForMateo(long id) {
        long mateo = jdbc.sql("select id from person where given_name = 'Mateo'").query(Long.class).single();
        ok(ops.post("supervisor", "/api/operations/" + id + "/care-arrangements", Map.of("personId", mateo,
                "kind", "OTHER_PARENT", "caregiverName", "Father (synthetic)")), HttpStatus.CREATED);
    }

    private long lastRun(long id) {
        return jdbc.sql("select max(id) from plan_run where operation_id = ?").param(id).query(Long.class).single();
    }

    /** Polls the run's progress fragment as the board's htmx does, until the answer has it reload the board. */
    private HttpResponse<String> followRun(FormSession session, long id) throws InterruptedException {
        String fragment = "/operations/" + id + "/plan-runs/" + lastRun(id);
        java.time.Instant until = java.time.Instant.now().plusSeconds(30);
        HttpResponse<String> progress = session.get(fragment);
        while (progress.headers().firstValue("HX-Refresh").isEmpty() && java.time.Instant.now().isBefore(until)) {
            assertThat(progress.statusCode()).isEqualTo(200);
            assertThat(progress.body()).contains("hx-trigger=\"every 2s\"").doesNotContain("<html");
            Thread.sleep(100);
            progress = session.get(fragment);
        }
        assertThat(progress.headers().firstValue("HX-Refresh")).contains("true");
        assertThat(progress.body()).doesNotContain("hx-trigger");
        return progress;
    }

    private static String state(FormSession session, long id) {
        String body = session.get("/operations/" + id).body();
        int at = body.indexOf("id=\"op-state\">");
        return body.substring(at + "id=\"op-state\">".length(), body.indexOf('<', at + 14));
    }

    @Test
    void lists_the_operations_of_the_own_field_office_by_state_and_office_with_csv() {
        long id = ops.houstonOperation();
        FormSession supervisor = as("supervisor");

        String all = supervisor.get("/operations").body();
        assertThat(all).contains("href=\"/operations/" + id + "\"", "Houston family op", "id=\"operations-state\"",
                "href=\"/operations\"");
        assertThat(supervisor.get("/operations?state=DRAFT&office=HOU").body())
                .contains("href=\"/operations/" + id + "\"", "Operations: Draft in HOU");
        assertThat(supervisor.get("/operations?state=APPROVED").body()).doesNotContain("href=\"/operations/" + id + "\"");
        HttpResponse<String> csv = supervisor.get("/operations?state=DRAFT&format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).contains("text/csv");
        assertThat(csv.body()).contains("Operation,Name,State", id + ",Houston family op,Draft,HOU,2019-06-23");
        assertThat(supervisor.get("/operations?state=SOMEDAY").statusCode()).isEqualTo(400);

        assertThat(as("officer.chicago").get("/operations").body()).doesNotContain("href=\"/operations/" + id + "\"");
        assertThat(as("partner").get("/operations").statusCode()).isEqualTo(403);
        assertThat(as("partner").get("/").body()).doesNotContain("href=\"/operations\"");
    }

    @Test
    void the_board_shows_each_member_day_by_day_the_plan_and_the_dry_run_to_the_roster_only() throws Exception {
        long id = targeted();
        FormSession supervisor = as("supervisor");

        String before = supervisor.get("/operations/" + id).body();
        assertThat(before).contains("id=\"unit-1001\"", "Ana Lopez", "Mateo Lopez", "<th scope=\"col\">2019-06-24</th>",
                "verdict-EXECUTABLE", "Us citizen", "Missing: record who cares for them", "id=\"no-plan\"",
                "id=\"plan-form\"", "No plan", "Hotel A", "Team 2");

        assertThat(supervisor.postForm("/operations/" + id + "/plan", Map.of("seconds", "500")).body())
                .contains("id=\"plan-seconds-error\"", "aria-describedby=\"plan-seconds-error\"", "value=\"500\"");
        HttpResponse<String> plan = supervisor.postForm("/operations/" + id + "/plan", Map.of("seconds", "1"));
        assertThat(plan.statusCode()).isEqualTo(302);
        assertThat(supervisor.get("/operations/" + id).body()).contains("id=\"plan-run\"", "Plan run ");
        followRun(supervisor, id);
        String board = supervisor.get("/operations/" + id).body();
        assertThat(board).contains("Finished: 1 visits", "id=\"plan-grid\"", "id=\"plan-breakdown\"",
                "Every member executable on the day", "family 1001", "Staging at",
                "data-series=", "Care arrangement missing", "open family 1001", "record the care arrangement");
        // staging by the hour per site, from the stored plan: chart, table with each hour's standing in words, CSV
        assertThat(board).contains("data-kind=\"line\"", "<th scope=\"col\">Standing</th>", "within capacity",
                "Within capacity at every hour", "href=\"/operations/" + id + "/staging.csv\"",
                "Nobody is staged here in the plan.");
        HttpResponse<String> csv = supervisor.get("/operations/" + id + "/staging.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).contains("text/csv");
        assertThat(csv.body()).startsWith("Staging site,Hour (from),People held,Capacity (people),"
                + "Family units held,Family rooms,Standing");
        assertThat(csv.body().lines().skip(1).toList()).isNotEmpty().allMatch(line -> line.matches(
                "Hotel A,2019-06-2[345] [0-9]{2}:00,[0-9]+,20,1,5,within capacity"));
        assertThat(as("officer").get("/operations/" + id + "/staging.csv").statusCode()).isEqualTo(403);
        long mateo = jdbc.sql("select id from person where given_name = 'Mateo'").query(Long.class).single();
        assertThat(board).contains("href=\"#care-" + mateo + "\"", "id=\"care-" + mateo + "\"");
        HttpResponse<String> noKind = supervisor.postForm("/operations/" + id + "/care-arrangements",
                Map.of("personId", String.valueOf(mateo), "caregiverName", "Father (synthetic)"));
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("id=\"care-" + mateo + "-kind-error\"", "value=\"Father (synthetic)\"");

        FormSession officer = as("officer");
        HttpResponse<String> notOnRoster = officer.get("/operations/" + id);
        assertThat(notOnRoster.statusCode()).isEqualTo(200);
        assertThat(notOnRoster.body()).contains("id=\"need-to-know\"", "Hotel A")
                .doesNotContain("Ana Lopez", "unit-1001", "plan-grid", "id=\"step-");
        assertThat(officer.postForm("/operations/" + id + "/plan", Map.of("seconds", "1")).statusCode())
                .isEqualTo(403);
        assertThat(as("officer.chicago").get("/operations/" + id).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'OPERATION_TARGETS_READ' "
                + "and subject_id = ? and actor = 'supervisor'").param(String.valueOf(id)).query(Long.class).single())
                .as("each board that lists people is audited").isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_progress_of_a_plan_run_is_polled_from_the_board_and_cancelled_from_it_by_a_director_of_the_office()
            throws Exception {
        long id = ops.houstonOperation();
        ok(ops.post("supervisor", "/api/operations/" + id + "/targets", Map.of("familyId", 1001)),
                HttpStatus.CREATED);
        planner.solveWithControl((input, control) -> {
            java.time.Instant until = java.time.Instant.now().plusSeconds(20);
            while (!control.cancelled() && java.time.Instant.now().isBefore(until)) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ScheduleSolver.solve(input, control);
        });
        try {
            FormSession supervisor = as("supervisor");
            assertThat(supervisor.postForm("/operations/" + id + "/plan", Map.of("seconds", "20")).statusCode())
                    .isEqualTo(302);
            long run = lastRun(id);
            String fragment = "/operations/" + id + "/plan-runs/" + run;

            String board = supervisor.get("/operations/" + id).body();
            assertThat(board).contains("Plan run " + run + " started", "id=\"plan-run\"",
                    "hx-get=\"" + fragment + "\"", "hx-trigger=\"every 2s\"", "Planning: the solver is running",
                    "id=\"plan-run-elapsed\"", "id=\"plan-run-score\"", "id=\"plan-run-placed\"",
                    "id=\"plan-run-cancel\"", "reload the page").doesNotContain("id=\"plan-form\"");
            HttpResponse<String> polled = supervisor.get(fragment);
            assertThat(polled.statusCode()).isEqualTo(200);
            assertThat(polled.headers().firstValue("HX-Refresh")).isEmpty();
            assertThat(polled.body()).contains("id=\"plan-run\"", "of 1", "_csrf").doesNotContain("<html");
            // counsel follows it but does not cancel it; an officer not on the roster does not see it
            assertThat(as("attorney").get(fragment).body()).contains("id=\"plan-run\"")
                    .doesNotContain("id=\"plan-run-cancel\"");
            assertThat(as("officer").get(fragment).statusCode()).isEqualTo(403);
            assertThat(as("officer").postForm(fragment + "/cancel", Map.of()).statusCode()).isEqualTo(403);
            assertThat(supervisor.postForm("/operations/" + id + "/plan", Map.of("seconds", "1")).statusCode())
                    .as("a second run while one runs").isEqualTo(409);

            FormSession director = as("director");
            assertThat(director.get("/operations/" + id).body()).contains("id=\"plan-run-cancel\"");
            assertThat(director.postForm(fragment + "/cancel", Map.of()).statusCode()).isEqualTo(302);
            followRun(director, id);
            String after = director.get("/operations/" + id).body();
            assertThat(after).contains("The last plan run: Cancelled", "no hard violation and was stored",
                    "id=\"plan-grid\"").doesNotContain("hx-trigger=\"every 2s\"", "id=\"plan-run-cancel\"");
            HttpResponse<String> late = director.postForm(fragment + "/cancel", Map.of());
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(late.body()).contains("nothing to cancel");
        } finally {
            planner.realSolver();
        }
    }

    @Test
    void each_unit_shows_its_protected_area_flags_with_their_approvals_and_its_call_in_compliance() {
        long id = ops.houstonOperation();
        ok(ops.post("supervisor", "/api/operations/" + id + "/targets", Map.of("familyId", 1501)),
                HttpStatus.CREATED);
        ok(ops.post("supervisor", "/api/operations/" + id + "/targets", Map.of("familyId", 1001)),
                HttpStatus.CREATED);
        ok(ops.post("officer", "/api/people/991500001/protected-area-flags", Map.of("kind", "SCHOOL",
                "distanceMeters", 120, "description", "elementary school across the street (synthetic)")),
                HttpStatus.CREATED);
        FormSession supervisor = as("supervisor");

        String board = supervisor.get("/operations/" + id).body();
        assertThat(between(board, "id=\"pa-flags-1501\"", "</ul>")).contains("School, 120 m",
                "elementary school across the street", "2019-06-23 NOT APPROVED", "2019-06-25 NOT APPROVED",
                "href=\"#pa-unit-1501\"");
        assertThat(board).contains("id=\"pa-flags-1001\"><strong>Protected areas:</strong> no address of the family "
                + "is flagged", "id=\"pa-unit-1501\"", "<option value=\"2019-06-24\">");
        assertThat(between(board, "id=\"callin-1501\"", "</p>")).contains("No call-in letter",
                "0 of 1 members with a case reported or departed");

        assertThat(supervisor.postForm("/operations/" + id + "/protected-area-approvals", Map.of("familyId", "1501",
                "day", "2019-06-24", "justification", "the visit is at 6:00, before school opens")).statusCode())
                .isEqualTo(302);
        ok(ops.post("officer", "/api/people/991500001/call-in-responses", Map.of("kind", "REPORTED",
                "onDate", "2019-06-20")), HttpStatus.CREATED);

        String after = supervisor.get("/operations/" + id).body();
        assertThat(between(after, "id=\"pa-flags-1501\"", "</ul>")).contains("2019-06-24 approved by supervisor",
                "2019-06-23 NOT APPROVED");
        assertThat(after).doesNotContain("<option value=\"2019-06-24\">");
        assertThat(between(after, "id=\"callin-1501\"", "</p>")).contains("1 of 1 members with a case reported");
        // the director reads the same, without the supervisor's approval form
        String director = as("director").get("/operations/" + id).body();
        assertThat(director).contains("id=\"pa-flags-1501\"").doesNotContain("id=\"pa-unit-1501\"");
    }

    private static String between(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as(from).isNotNegative();
        return text.substring(at, text.indexOf(to, at));
    }

    @Test
    void approval_is_disabled_with_its_reason_while_the_dry_run_finds_a_conflict_and_the_post_is_refused() {
        long id = planned();
        FormSession supervisor = as("supervisor");
        assertThat(supervisor.postForm("/operations/" + id + "/submit", Map.of()).statusCode()).isEqualTo(302);
        assertThat(state(supervisor, id)).isEqualTo("Legal review");
        assertThat(supervisor.get("/operations/" + id).body()).doesNotContain("id=\"step-approve\"",
                "id=\"step-clear\"").contains("id=\"step-postpone\"");

        FormSession director = as("director");
        assertThat(director.get("/operations/" + id).body()).contains("id=\"step-approve\"",
                "Not now: counsel has not cleared the legal review.").doesNotContain("id=\"step-clear\"");
        FormSession attorney = as("attorney");
        assertThat(attorney.get("/operations/" + id).body()).contains("id=\"step-clear\"", "id=\"step-return\"")
                .doesNotContain("id=\"step-approve\"");
        assertThat(attorney.postForm("/operations/" + id + "/legal-review/clear", Map.of("reason", "checked"))
                .statusCode()).isEqualTo(302);

        String blocked = director.get("/operations/" + id).body();
        assertThat(blocked).contains("Not now: the dry run finds 1 conflict (below); fix them first.",
                "aria-describedby=\"step-approve-why\"");
        HttpResponse<String> refused = director.postForm("/operations/" + id + "/approve", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"step-error\"", "cannot be approved");

        careForMateo(id);
        assertThat(director.get("/operations/" + id).body()).doesNotContain("Not now:");
        assertThat(director.postForm("/operations/" + id + "/approve", Map.of()).statusCode()).isEqualTo(302);
        assertThat(state(director, id)).isEqualTo("Approved");
        assertThat(supervisor.get("/operations/" + id).body()).contains("id=\"step-launch\"");
    }

    @Test
    void targets_added_by_a_filter_are_first_shown_as_it_will_be_applied_with_every_refusal_and_its_reason() {
        long id = ops.houstonOperation();
        FormSession supervisor = as("supervisor");

        HttpResponse<String> badLimit = supervisor.postForm("/operations/" + id + "/targets/matching",
                Map.of("inAbsentiaOnly", "yes", "limit", "many"));
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("id=\"f-limit-error\"", "aria-describedby=\"f-limit-error\"",
                "value=\"many\"");

        HttpResponse<String> preview = supervisor.postForm("/operations/" + id + "/targets/matching",
                Map.of("inAbsentiaOnly", "yes", "nationalities", "gt ho"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"filter-preview\"", "ordered in absentia only",
                "nationality GT or HO", "name=\"confirm\" value=\"yes\"");
        assertThat(jdbc.sql("select count(*) from operation_target where operation_id = ?").param(id)
                .query(Long.class).single()).as("showing the filter adds nothing").isZero();

        HttpResponse<String> applied = supervisor.postForm("/operations/" + id + "/targets/matching",
                Map.of("inAbsentiaOnly", "yes", "nationalities", "GT HO", "confirm", "yes"));
        assertThat(applied.statusCode()).isEqualTo(302);
        String board = supervisor.get("/operations/" + id).body();
        assertThat(board).contains("family units added of 2 considered", "id=\"unit-1001\"", "not added: ");
        assertThat(as("officer").postForm("/operations/" + id + "/targets/matching", Map.of("confirm", "yes"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void postponed_with_a_reason_and_resumed_with_a_new_window_showing_what_changed() {
        long id = planned();
        FormSession supervisor = as("supervisor");
        supervisor.postForm("/operations/" + id + "/submit", Map.of());

        HttpResponse<String> noReason = supervisor.postForm("/operations/" + id + "/postpone", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"step-postpone-reason-error\"");
        assertThat(supervisor.postForm("/operations/" + id + "/postpone", Map.of("reason", "hurricane warning"))
                .statusCode()).isEqualTo(302);
        assertThat(state(supervisor, id)).isEqualTo("Postponed");
        assertThat(supervisor.get("/operations/" + id).body()).contains("id=\"step-resume\"");

        HttpResponse<String> backwards = supervisor.postForm("/operations/" + id + "/resume",
                Map.of("windowStart", "2019-07-09", "windowEnd", "2019-07-07", "to", "DRAFT"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"resume-end-error\"", "value=\"2019-07-09\"");
        HttpResponse<String> stale = supervisor.postForm("/operations/" + id + "/resume",
                Map.of("windowStart", "2019-07-07", "windowEnd", "2019-07-09", "to", "DRAFT", "version", "1"));
        assertThat(stale.statusCode()).as("an old version is a conflict, not an overwrite").isEqualTo(409);

        assertThat(supervisor.postForm("/operations/" + id + "/resume",
                Map.of("windowStart", "2019-07-07", "windowEnd", "2019-07-09", "to", "DRAFT")).statusCode())
                .isEqualTo(302);
        String board = supervisor.get("/operations/" + id).body();
        assertThat(board).contains("Resumed as Draft with the window 2019-07-07 to 2019-07-09", "visits dropped",
                "<th scope=\"col\">2019-07-08</th>", "id=\"no-plan\"");
    }

    /**
     * The board is one moment of the database: a plan stored (the operation's version bumped with it) while the board
     * is being read shows either with the new version or not at all. The store is held in the middle of the board's
     * read — the page waits on the plan table the store has locked, after it has read the operation — and committed
     * then. Read statement by statement, the page showed the new plan beside the older version, and the next step
     * sent with it was refused (409).
     */
    @Test
    void the_board_is_read_in_one_snapshot() throws Exception {
        long id = targeted();
        FormSession supervisor = as("supervisor");
        int before = jdbc.sql("select version from operation where id = ?").param(id).query(Integer.class).single();
        String page;
        try (Database.Owner owner = Database.owner(jdbc)) {
            JdbcClient store = owner.jdbc();
            store.sql("begin").update();
            store.sql("lock table operation_plan in access exclusive mode").update();
            java.util.concurrent.CompletableFuture<String> board = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> supervisor.get("/operations/" + id).body());
            java.time.Instant until = java.time.Instant.now().plusSeconds(30);
            while (store.sql("select count(*) from pg_locks where not granted and relation = 'operation_plan'::regclass")
                    .query(Integer.class).single() == 0) {
                assertThat(java.time.Instant.now()).as("the board never waited on the plan table").isBefore(until);
                assertThat(board.isDone()).as("the board was read without the plan table").isFalse();
                Thread.sleep(20);
            }
            store.sql("update operation set version = version + 1 where id = ?").param(id).update();
            store.sql("insert into operation_plan (operation_id, planned_by, score, feasible, solver_ms, violations) "
                    + "values (?, 'supervisor', '0hard/0soft', true, 1, '[]'::jsonb)").param(id).update();
            store.sql("commit").update();
            page = board.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        // the page read before the store: its version, no plan (had it waited on its first statement, it would show
        // both after the store; either way the two agree)
        assertThat(page).contains("(version " + before + ")", "id=\"no-plan\"");
        assertThat(supervisor.get("/operations/" + id).body()).contains("(version " + (before + 1) + ")")
                .doesNotContain("id=\"no-plan\"");
    }
}
